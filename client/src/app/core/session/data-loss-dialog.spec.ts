import { Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTestTranslations } from '../../../testing/test-helpers';
import { openDataLossDialog } from './data-loss-dialog';

describe('the data-loss confirmation dialog', () => {
  beforeEach(() => {
    // Specs share the document: an overlay another spec left behind must not be taken for this dialog.
    document.querySelectorAll('.cdk-overlay-container').forEach((el) => el.remove());
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
  });

  async function open(count: number) {
    const answer = openDataLossDialog(TestBed.inject(Injector), { count, titleKey: 'dataLoss.signOutTitle', confirmKey: 'dataLoss.signOut' });
    TestBed.tick();
    await new Promise((r) => setTimeout(r));
    const dialog = document.querySelector<HTMLElement>('.cdk-overlay-container [role="alertdialog"]');
    if (!dialog) throw new Error('no alert dialog');
    const button = (name: string) => Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.trim() === name)!;
    return { answer, dialog, button };
  }

  afterEach(() => {
    document.querySelectorAll('.cdk-overlay-container').forEach((el) => el.remove());
  });

  it('when shown, then it is a labelled alert dialog that says how many changes would be lost', async () => {
    const { dialog, button } = await open(3);
    // Material links the title to the dialog after its first render: on a busy machine that can come later.
    await vi.waitFor(() => {
      TestBed.tick();
      const title = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
      expect(title?.textContent?.trim()).toBe('Uscire da Prossima?');
    });
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      '3 modifiche non ancora inviate andranno perse',
    );
    expect(button('Esci comunque')).toBeTruthy();
    expect(button('Annulla')).toBeTruthy();
    button('Annulla').click();
  });

  it('when "Esci comunque" is chosen, then it answers true', async () => {
    const { answer, button } = await open(1);
    button('Esci comunque').click();
    await expect(answer).resolves.toBe(true);
  });

  it('when "Annulla" is chosen, then it answers false', async () => {
    const { answer, button } = await open(2);
    button('Annulla').click();
    await expect(answer).resolves.toBe(false);
  });
});
