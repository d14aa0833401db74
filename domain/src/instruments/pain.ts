import { band, pointOptions, text } from './definition-helpers';
import type { InstrumentDefinition } from './instrument-types';

/** Pain: the 0–10 numeric rating scale and PAINAD (pain in advanced dementia). Law 38/2010 asks that pain be recorded. */

const NRS_OPTIONS = pointOptions(
  Array.from({ length: 11 }, (_, n) => {
    const anchor = n === 0 ? ' (nessun dolore)' : n === 10 ? ' (il peggior dolore immaginabile)' : '';
    const anchorEn = n === 0 ? ' (no pain)' : n === 10 ? ' (worst pain imaginable)' : '';
    return [n, `${n}${anchor}`, `${n}${anchorEn}`] as const;
  }),
);

/** Numeric rating scale of pain, 0–10. */
export const NRS: InstrumentDefinition = {
  id: 'nrs',
  // Documents written before this module used `nrs-pain` (demo seed).
  aliases: ['nrs-pain'],
  title: text('Scala numerica del dolore (NRS)', 'Numeric Rating Scale for pain (NRS)'),
  reference: 'Downie WW et al. Studies with pain rating scales. Ann Rheum Dis 1978;37(4):378–381; Italian law 38/2010 (pain recorded in the clinical record).',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-worse',
  scoring: 'sum',
  items: [{ id: 'intensity', label: text('Intensità del dolore (0–10)', 'Pain intensity (0–10)'), options: NRS_OPTIONS }],
  conventions: [
    {
      kind: 'ranges',
      id: 'nrs-0-3-6-10',
      label: text('0 / 1–3 / 4–6 / 7–10', '0 / 1–3 / 4–6 / 7–10'),
      bands: [
        band(0, 0, 'none', 'Nessun dolore', 'No pain'),
        band(1, 3, 'mild', 'Dolore lieve', 'Mild pain'),
        band(4, 6, 'moderate', 'Dolore moderato', 'Moderate pain'),
        band(7, 10, 'severe', 'Dolore grave', 'Severe pain'),
      ],
    },
    {
      kind: 'ranges',
      id: 'nrs-0-4-6-10',
      label: text('0 / 1–4 / 5–6 / 7–10', '0 / 1–4 / 5–6 / 7–10'),
      bands: [
        band(0, 0, 'none', 'Nessun dolore', 'No pain'),
        band(1, 4, 'mild', 'Dolore lieve', 'Mild pain'),
        band(5, 6, 'moderate', 'Dolore moderato', 'Moderate pain'),
        band(7, 10, 'severe', 'Dolore grave', 'Severe pain'),
      ],
    },
  ],
  defaultConvention: 'nrs-0-3-6-10',
};

/** Pain Assessment in Advanced Dementia (Warden, Hurley & Volicer 2003). */
export const PAINAD: InstrumentDefinition = {
  id: 'painad',
  title: text('PAINAD (dolore nella demenza avanzata)', 'Pain Assessment in Advanced Dementia (PAINAD)'),
  reference:
    'Warden V, Hurley AC, Volicer L. Development and psychometric evaluation of the Pain Assessment in Advanced Dementia (PAINAD) scale. J Am Med Dir Assoc 2003;4(1):9–15.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-worse',
  scoring: 'sum',
  items: [
    {
      id: 'breathing',
      label: text('Respiro (indipendente dalla vocalizzazione)', 'Breathing independent of vocalisation'),
      options: pointOptions([
        [0, 'Normale', 'Normal'],
        [1, 'Respiro a tratti alterato, brevi periodi di iperventilazione', 'Occasional laboured breathing, short periods of hyperventilation'],
        [2, 'Respiro alterato e rumoroso, lunghi periodi di iperventilazione, Cheyne-Stokes', 'Noisy laboured breathing, long hyperventilation, Cheyne-Stokes'],
      ]),
    },
    {
      id: 'vocalisation',
      label: text('Vocalizzazione negativa', 'Negative vocalisation'),
      options: pointOptions([
        [0, 'Nessuna', 'None'],
        [1, 'Occasionali lamenti, parla a bassa voce con tono negativo', 'Occasional moan or groan, low-level speech of negative quality'],
        [2, 'Chiamate ripetute e agitate, lamenti forti, pianto', 'Repeated troubled calling out, loud moaning or groaning, crying'],
      ]),
    },
    {
      id: 'facial-expression',
      label: text('Espressione del volto', 'Facial expression'),
      options: pointOptions([
        [0, 'Sorridente o inespressiva', 'Smiling or inexpressive'],
        [1, 'Triste, spaventata, accigliata', 'Sad, frightened, frowning'],
        [2, 'Smorfie di dolore', 'Facial grimacing'],
      ]),
    },
    {
      id: 'body-language',
      label: text('Linguaggio del corpo', 'Body language'),
      options: pointOptions([
        [0, 'Rilassato', 'Relaxed'],
        [1, 'Teso, cammina avanti e indietro, irrequieto', 'Tense, distressed pacing, fidgeting'],
        [2, 'Rigido, pugni chiusi, ginocchia flesse, respinge, colpisce', 'Rigid, fists clenched, knees pulled up, pulling away, striking out'],
      ]),
    },
    {
      id: 'consolability',
      label: text('Consolabilità', 'Consolability'),
      options: pointOptions([
        [0, 'Non ha bisogno di essere consolato', 'No need to console'],
        [1, 'Si distrae o si rassicura con la voce o il contatto', 'Distracted or reassured by voice or touch'],
        [2, 'Inconsolabile, non si distrae né si rassicura', 'Unable to console, distract or reassure'],
      ]),
    },
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'painad-2003',
      label: text('0 / 1–3 / 4–6 / 7–10', '0 / 1–3 / 4–6 / 7–10'),
      bands: [
        band(0, 0, 'none', 'Nessun dolore', 'No pain'),
        band(1, 3, 'mild', 'Dolore lieve', 'Mild pain'),
        band(4, 6, 'moderate', 'Dolore moderato', 'Moderate pain'),
        band(7, 10, 'severe', 'Dolore grave', 'Severe pain'),
      ],
    },
  ],
  defaultConvention: 'painad-2003',
};
