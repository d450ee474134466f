// Integration tests talk to the real PostgreSQL and Redis: start local ones when installed.
const { ensurePostgres, ensureRedis } = require('../../scripts/ensure-services');

module.exports = async () => {
  await ensurePostgres();
  await ensureRedis();
};
