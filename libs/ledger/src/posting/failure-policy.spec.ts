import { decideOnFailure } from './failure-policy';

const pgError = (code: string) => Object.assign(new Error('x'), { code });

describe('decideOnFailure', () => {
  it('splits a lock timeout of a batch, fails a lone posting with it', () => {
    expect(decideOnFailure(pgError('55P03'), 5)).toBe('split-lock-timeout');
    expect(decideOnFailure(pgError('55P03'), 1)).toBe('fail-all');
  });

  it('fails every posting on exhausted deadlock retries', () => {
    expect(decideOnFailure(pgError('40P01'), 5)).toBe('fail-all');
    expect(decideOnFailure(pgError('40001'), 5)).toBe('fail-all');
  });

  it('posts the commands one by one after any other failure', () => {
    expect(decideOnFailure(pgError('23514'), 5)).toBe('one-by-one');
    expect(decideOnFailure(new Error('bug'), 2)).toBe('one-by-one');
  });
});
