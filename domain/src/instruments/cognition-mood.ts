import { band, namedOptions, text } from './definition-helpers';
import type { InstrumentDefinition, InstrumentItem } from './instrument-types';

/** Cognition and mood: SPMSQ (Pfeiffer) and the 15-item Geriatric Depression Scale. */

function spmsqQuestion(id: string, it: string, en: string): InstrumentItem {
  return {
    id,
    label: text(it, en),
    // Pfeiffer: a refused or missing answer counts as an error.
    options: namedOptions([
      ['correct', 0, 'Risposta corretta', 'Correct'],
      ['error', 1, 'Errata o nessuna risposta', 'Wrong or no answer'],
    ]),
  };
}

/**
 * Short Portable Mental Status Questionnaire (Pfeiffer 1975). The total is the
 * number of errors; the band reads the count adjusted for education (one more
 * error allowed with elementary schooling or less, one fewer beyond high
 * school). The original race adjustment is deliberately not implemented.
 */
export const SPMSQ: InstrumentDefinition = {
  id: 'spmsq',
  title: text('Short Portable Mental Status Questionnaire (Pfeiffer)', 'Short Portable Mental Status Questionnaire (Pfeiffer)'),
  reference:
    'Pfeiffer E. A short portable mental status questionnaire for the assessment of organic brain deficit in elderly patients. J Am Geriatr Soc 1975;23(10):433–441.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-worse',
  scoring: 'spmsq',
  items: [
    {
      id: 'education',
      label: text('Scolarità', 'Education'),
      options: namedOptions([
        ['elementary-or-less', 0, 'Licenza elementare o nessuna', 'Elementary school or less'],
        ['high-school', 0, 'Scuola media o superiore', 'Middle or high school'],
        ['beyond-high-school', 0, 'Oltre la scuola superiore', 'Beyond high school'],
      ]),
    },
    spmsqQuestion('date', 'Qual è la data di oggi (giorno, mese, anno)?', "What is today's date (day, month, year)?"),
    spmsqQuestion('weekday', 'Che giorno della settimana è oggi?', 'What day of the week is it?'),
    spmsqQuestion('place', 'Come si chiama questo posto?', 'What is the name of this place?'),
    spmsqQuestion('phone-or-address', 'Qual è il suo numero di telefono? (o il suo indirizzo)', 'What is your telephone number? (or your address)'),
    spmsqQuestion('age', 'Quanti anni ha?', 'How old are you?'),
    spmsqQuestion('birth-date', 'Quando è nato/a?', 'When were you born?'),
    spmsqQuestion('head-of-state', 'Chi è l’attuale Presidente della Repubblica?', 'Who is the current head of state?'),
    spmsqQuestion('previous-head-of-state', 'Chi era il Presidente precedente?', 'Who was the previous one?'),
    spmsqQuestion('mother-maiden-name', 'Qual era il cognome da nubile di sua madre?', "What was your mother's maiden name?"),
    spmsqQuestion('serial-threes', 'Sottragga 3 da 20 e continui a sottrarre 3 fino in fondo', 'Subtract 3 from 20 and keep subtracting 3 all the way down'),
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'pfeiffer-1975',
      label: text('Pfeiffer 1975, errori corretti per scolarità', 'Pfeiffer 1975, errors adjusted for education'),
      basis: 'adjustedErrors',
      bands: [
        band(0, 2, 'intact', 'Funzioni cognitive integre', 'Intact intellectual functioning'),
        band(3, 4, 'mild', 'Deficit cognitivo lieve', 'Mild intellectual impairment'),
        band(5, 7, 'moderate', 'Deficit cognitivo moderato', 'Moderate intellectual impairment'),
        band(8, 10, 'severe', 'Deficit cognitivo grave', 'Severe intellectual impairment'),
      ],
    },
  ],
  defaultConvention: 'pfeiffer-1975',
};

/** A GDS-15 question; `keyedYes` says which answer scores one point. */
function gdsItem(id: string, keyedYes: boolean, it: string, en: string): InstrumentItem {
  return {
    id,
    label: text(it, en),
    options: namedOptions([
      ['yes', keyedYes ? 1 : 0, 'Sì', 'Yes'],
      ['no', keyedYes ? 0 : 1, 'No', 'No'],
    ]),
  };
}

/** Geriatric Depression Scale, 15-item short form (public domain). */
export const GDS_15: InstrumentDefinition = {
  id: 'gds-15',
  title: text('Geriatric Depression Scale, 15 domande', 'Geriatric Depression Scale, short form (15 items)'),
  reference:
    'Sheikh JI, Yesavage JA. Geriatric Depression Scale (GDS): recent evidence and development of a shorter version. Clin Gerontol 1986;5(1/2):165–173.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-worse',
  scoring: 'sum',
  items: [
    gdsItem('satisfied', false, 'È fondamentalmente soddisfatto/a della sua vita?', 'Are you basically satisfied with your life?'),
    gdsItem('dropped-activities', true, 'Ha abbandonato molte delle sue attività e dei suoi interessi?', 'Have you dropped many of your activities and interests?'),
    gdsItem('life-empty', true, 'Sente che la sua vita è vuota?', 'Do you feel that your life is empty?'),
    gdsItem('bored', true, 'Si annoia spesso?', 'Do you often get bored?'),
    gdsItem('good-spirits', false, 'È di buon umore per la maggior parte del tempo?', 'Are you in good spirits most of the time?'),
    gdsItem('afraid', true, 'Teme che le stia per capitare qualcosa di brutto?', 'Are you afraid that something bad is going to happen to you?'),
    gdsItem('happy', false, 'Si sente felice per la maggior parte del tempo?', 'Do you feel happy most of the time?'),
    gdsItem('helpless', true, 'Si sente spesso indifeso/a?', 'Do you often feel helpless?'),
    gdsItem('prefers-home', true, 'Preferisce stare a casa piuttosto che uscire e fare cose nuove?', 'Do you prefer to stay at home rather than going out and doing new things?'),
    gdsItem('memory', true, 'Pensa di avere più problemi di memoria della maggior parte delle persone?', 'Do you feel you have more problems with memory than most?'),
    gdsItem('wonderful-alive', false, 'Pensa che sia bello essere vivi adesso?', 'Do you think it is wonderful to be alive now?'),
    gdsItem('worthless', true, 'Si sente piuttosto inutile così come è ora?', 'Do you feel pretty worthless the way you are now?'),
    gdsItem('energy', false, 'Si sente pieno/a di energia?', 'Do you feel full of energy?'),
    gdsItem('hopeless', true, 'Pensa che la sua situazione sia senza speranza?', 'Do you feel that your situation is hopeless?'),
    gdsItem('others-better-off', true, 'Pensa che la maggior parte delle persone stia meglio di lei?', 'Do you think that most people are better off than you are?'),
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'gds-15-over-5',
      label: text('>5 suggestivo di depressione', '>5 suggests depression'),
      bands: [
        band(0, 5, 'normal', 'Nella norma', 'Normal'),
        band(6, 15, 'depression-suggested', 'Suggestivo di depressione', 'Suggests depression'),
      ],
    },
  ],
  defaultConvention: 'gds-15-over-5',
};
