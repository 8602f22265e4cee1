import { inspectRequestTarget } from './request-target.middleware';

describe(inspectRequestTarget.name, () => {
  it.each([
    '/v1/users?username=alice',
    '/v1/users?username=al%20ice',
    '/v1/users?username=caf%C3%A9',
    '/v1/users?username=%F0%9F%A6%95',
    '/v1/users/5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d/transactions?limit=5&cursor=abc&assetCode=GOLD',
    '/v1/transactions/1%20OR%201%3D1',
    '/v1/users?username=a+b&flag',
    '/v1/users?',
  ])('accepts %s', (url) => {
    expect(inspectRequestTarget(url)).toBeUndefined();
  });

  it.each([
    ['/v1/users?username=%00abc', 'username'],
    ['/v1/users?username=abc%00', 'username'],
    ['/v1/users?username=%FF', 'username'],
    ['/v1/users?username=%C0%80', 'username'],
    ['/v1/users?username=%ED%A0%80', 'username'],
    ['/v1/users?username=%E2%82', 'username'],
    ['/v1/users?username=%ZZ', 'username'],
    ['/v1/users?username=%', 'username'],
    ['/v1/users/x/transactions?limit=1&cursor=%00', 'cursor'],
    ['/v1/users?user%00name=x', 'query'],
    ['/v1/users?%FF=x', 'query'],
    ['/v1/users/%00', 'path'],
    ['/v1/users/abc%00/balances', 'path'],
    ['/v1/users/%FF/balances', 'path'],
    ['/v1/transactions/%ED%B0%80', 'path'],
    ['/v1/transactions/1%', 'path'],
  ])('refuses %s naming %s', (url, field) => {
    expect(inspectRequestTarget(url)).toEqual({ field, message: expect.stringMatching(/well-formed UTF-8 without NUL/) });
  });
});
