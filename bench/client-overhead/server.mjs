// The local keep-alive API server of the client-overhead benchmark, in its own process so that it
// does not share the benchmark's event loop. Prints its URL on stdout when ready.
import { createServer } from "node:http";

const body = JSON.stringify({
  id: 1,
  name: "Benchmark project",
  organization: "0189f5a0-0000-0000-0000-000000000000",
  timezone: "UTC",
  week_start_day: 1,
  product_description: null,
  created_at: "2025-01-01T00:00:00Z",
  effective_membership_level: 8,
  has_group_types: false,
  live_events_columns: null,
  person_on_events_querying_enabled: true,
});
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
