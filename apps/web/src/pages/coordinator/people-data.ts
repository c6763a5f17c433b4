// Users and cities for the coordinator's pickers. One page of up to 200 users (the API's maximum),
// sorted by name: enough for a programme of a few dozen people.
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';

export async function loadPeople(signal: AbortSignal) {
  const [users, cities] = await Promise.all([
    unwrap(client.GET('/api/users', { params: { query: { limit: 200 } }, signal })),
    unwrap(client.GET('/api/cities', { params: { query: { limit: 200 } }, signal })),
  ]);
  return { users: users.items, cities: cities.items };
}

export function personLabel(user: { name: string; email: string }): string {
  return `${user.name} <${user.email}>`;
}
