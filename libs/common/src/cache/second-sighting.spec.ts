import { SecondSighting } from './second-sighting';

describe('SecondSighting', () => {
  it('says a key was seen from its second sighting until it is forgotten', () => {
    const sightings = new SecondSighting(10);
    expect(sightings.seenBefore('a')).toBe(false);
    expect(sightings.seenBefore('a')).toBe(true);
    expect(sightings.seenBefore('a')).toBe(true);
    sightings.forget('a');
    expect(sightings.seenBefore('a')).toBe(false);
    sightings.clear();
    expect(sightings.seenBefore('a')).toBe(false);
  });

  it('remembers at most its bound, forgetting every key when full', () => {
    const sightings = new SecondSighting(2);
    sightings.seenBefore('a');
    sightings.seenBefore('b');
    expect(sightings.seenBefore('c')).toBe(false); // full: a and b are forgotten, c remembered
    expect(sightings.seenBefore('a')).toBe(false);
    expect(sightings.seenBefore('c')).toBe(true);
  });
});
