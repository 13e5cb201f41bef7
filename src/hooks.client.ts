// zod probes whether eval is allowed (new Function in a try/catch) on first use; under our
// Content Security Policy that probe is refused and reported. Jitless mode never probes.
import { config } from 'zod';
config({ jitless: true });
