/** Fault tests: real processes, real PostgreSQL and Redis on loopback; `npm run test:faults`. */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.faults.spec.ts'],
  testPathIgnorePatterns: [],
  testTimeout: 180000,
  maxWorkers: 1,
};
