// Drops this run's template and stops the embedded PostgreSQL if the setup started one.
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (adminUrl && process.env.TEST_RUN_ID) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "oc_tpl_${process.env.TEST_RUN_ID}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  const pg = globalThis.__EMBEDDED_TEST_PG__;
  if (pg) await pg.stop();
};
