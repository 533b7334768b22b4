import assert from 'node:assert/strict';
import { ConfigError, loadConfig, SETTING_NAMES } from '../../bot/config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  return assert.fail('expected a ConfigError');
};

describe('config: the council\'s nation and headcount (the statutory calendar)', () => {
  it('defaults to England with the headcount not set', () => {
    assert.deepEqual(loadConfig({}).calendar, { nation: 'england' });
    assert.deepEqual(loadConfig({ COUNCIL_NATION: '', COUNCIL_STAFF_COUNT: ' ' }).calendar, { nation: 'england' }, 'blank means not set');
  });

  it('reads each nation and a whole, positive staff count', () => {
    for (const nation of ['england', 'wales', 'scotland', 'northern-ireland'] as const) assert.equal(loadConfig({ COUNCIL_NATION: nation }).calendar.nation, nation);
    assert.deepEqual(loadConfig({ COUNCIL_NATION: 'scotland', COUNCIL_STAFF_COUNT: '4200' }).calendar, { nation: 'scotland', staffCount: 4200 });
    assert.equal(loadConfig({ COUNCIL_STAFF_COUNT: '1' }).calendar.staffCount, 1);
  });

  it('a nation it does not know: an error naming the variable and the values allowed', () => {
    for (const bad of ['England', 'uk', 'northern ireland']) {
      assert.deepEqual(problemsOf({ COUNCIL_NATION: bad }), ['COUNCIL_NATION: must be one of england, wales, scotland, northern-ireland']);
    }
  });

  it('a staff count that is not a whole number above 0: an error naming the variable', () => {
    for (const bad of ['lots', '0', '-5', '12.5', '1,200']) {
      const problems = problemsOf({ COUNCIL_STAFF_COUNT: bad });
      assert.equal(problems.length, 1, `${bad}: ${problems.join('; ')}`);
      assert.match(problems[0]!, /^COUNCIL_STAFF_COUNT: must be .*whole number/, bad);
    }
  });

  it('reported with the other problems, and both are settings the app reads (for the deployment checks)', () => {
    const problems = problemsOf({ COUNCIL_NATION: 'mars', REMINDER_DAYS_BEFORE: 'soon' });
    assert.ok(problems.some((p) => p.startsWith('COUNCIL_NATION:')) && problems.some((p) => p.startsWith('REMINDER_DAYS_BEFORE:')));
    assert.ok(SETTING_NAMES.includes('COUNCIL_NATION') && SETTING_NAMES.includes('COUNCIL_STAFF_COUNT'));
  });
});
