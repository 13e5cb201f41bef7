// Classic zod's object schemas probe whether eval is allowed (new Function in a try/catch) on first
// use; under our Content Security Policy that probe is refused and reported. The zod/mini objects
// used here never compile, so nothing probes today; jitless mode keeps it so should a schema that
// compiles ever come in.
import { config } from 'zod/mini';
config({ jitless: true });
