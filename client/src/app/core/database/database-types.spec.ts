import { databaseName, readableCollections } from './database-types';

describe('databaseName', () => {
  it('when the user id is plain, then the name is prossima-<id>', () => {
    expect(databaseName('u-anna')).toBe('prossima-u-anna');
  });

  it('when the user id has characters RxDB refuses, then they are escaped so names never collide', () => {
    expect(databaseName('anna.b')).toBe('prossima-anna_2eb');
    expect(databaseName('anna:b')).toBe('prossima-anna_3ab');
    expect(databaseName('anna.b')).not.toBe(databaseName('anna-b'));
    expect(databaseName('a_2eb')).not.toBe(databaseName('a.b'));
  });
});

describe('readableCollections', () => {
  it('when the role reads clinical data, then its collections are created', () => {
    expect(readableCollections('nurse')).toEqual([
      'patients', 'careplans', 'rounds', 'visits', 'assessments', 'observations', 'devices', 'reviews', 'referrals',
    ]);
    expect(readableCollections('patient')).toEqual(['patients', 'careplans', 'observations', 'devices']);
  });

  it('when the role is admin, then no collection is created', () => {
    expect(readableCollections('admin')).toEqual([]);
  });
});
