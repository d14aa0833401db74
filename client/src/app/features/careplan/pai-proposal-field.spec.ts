import { TestBed } from '@angular/core/testing';
import { provideTestTranslations } from '../../../testing/test-helpers';
import { PaiProposalField } from './pai-proposal-field';

describe('PaiProposalField', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideTestTranslations()] }));

  it('when shown with a proposal, then the labelled textarea holds it, and typing emits the new text', async () => {
    const fixture = TestBed.createComponent(PaiProposalField);
    fixture.componentRef.setInput('proposal', 'Ridurre le visite');
    const emitted: string[] = [];
    fixture.componentInstance.proposalChange.subscribe((value) => emitted.push(value));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    const label = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'Proposta di modifica del PAI')!;
    const textarea = el.querySelector<HTMLTextAreaElement>(`#${label.htmlFor}`)!;
    expect(textarea.value).toBe('Ridurre le visite');
    expect(textarea.maxLength).toBe(2000);

    textarea.value = 'Ridurre le visite a 2 a settimana';
    textarea.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(emitted).toEqual(['Ridurre le visite a 2 a settimana']);
    expect(el.textContent).toContain('33/2000');
  });
});
