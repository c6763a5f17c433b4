// Every scenario, in the order `npm run bench` runs them. Add a new one here.
// Memory runs first so its idle reading is of an API that has served nothing yet; P1 next, while the
// API, like the bare server, has served only the probe (memory-p2 explains why); the cold start runs
// last: it starts whole PostgreSQL servers and would disturb the load runs.
import type { Scenario } from '../lib/scenario';
import { coldStart } from './cold-start';
import { memory, memoryUnderP2 } from './memory';
import { p1 } from './p1-health-live';
import { p2 } from './p2-score-submission';
import { p3 } from './p3-results';
import { p4 } from './p4-city-status';

import { p5 } from './p5-notification-fanout';

export const SCENARIOS: Scenario[] = [memory, p1, memoryUnderP2, p2, p3, p4, p5, coldStart];
