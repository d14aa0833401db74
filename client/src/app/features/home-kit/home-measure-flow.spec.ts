// The home flow with the devices feature's real MeasurePanelComponent, in the training mode
// (simulated kit devices through the real drivers): the wiring of inputs, families and `saved`.
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { patient } from '../../../testing/test-helpers';
import { LocalRecords } from '../../core/database/local-records';
import { driver, setUpDevices } from '../devices/devices-spec-setup';
import { HomeMeasurePage } from './home-measure-page';
import { MARIO } from './home-kit-test-data';

describe('HomeMeasurePage with the kit devices (training mode)', () => {
  it('when Mario measures his pressure with the simulated cuff and saves, then his result and its delivery are shown', async () => {
    // Registered first: the devices set-up adds its own fakes (database, writes, simulator) after it.
    TestBed.configureTestingModule({
      providers: [{ provide: LocalRecords, useValue: { patient$: () => of(patient()) } satisfies Partial<LocalRecords> }],
    });
    const world = setUpDevices({ user: MARIO, training: true });
    const fixture = TestBed.createComponent(HomeMeasurePage);
    fixture.componentRef.setInput('kind', 'pressione');
    await fixture.whenStable();
    const { el, text, click, until } = driver(fixture);

    // Only the devices that measure blood pressure are offered.
    expect(Array.from(el.querySelectorAll('button.family-button')).map((b) => text(b))).toEqual(['Pressione arteriosa', 'Monitor multiparametrico']);
    await click('Pressione arteriosa');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('.values'), 'the reading');
    await click('Salva la misura');
    await until(() => !!el.querySelector('.result'), 'the result');

    expect(world.inserted.map((d) => [d.code, d.patientId, d.updatedBy, d.source.kind])).toEqual([
      ['85354-9', 'p-mario', 'u-mario', 'device'],
      ['8867-4', 'p-mario', 'u-mario', 'device'],
    ]);
    expect(text(el.querySelector('.big-value')!)).toBe('128/82 mmHg');
    expect(text(el.querySelector('.range')!)).toBe('✓ Valore nella norma');
    // The devices set-up's writes do not go through PendingChanges: nothing of them is waiting.
    expect(text(el.querySelector('.delivery')!)).toBe('Misura salvata e inviata al tuo infermiere.');
  });
});
