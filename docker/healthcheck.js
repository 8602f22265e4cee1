// @ts-check
// Docker HEALTHCHECK: exits 0 when GET /health/live answers 200 within 3 s, else 1.
// Plain node (global fetch) because the slim base image has no curl or wget.
const port = process.env.PORT || '3000';

fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(3000) }).then(
  (response) => process.exit(response.status === 200 ? 0 : 1),
  () => process.exit(1),
);
