import { namedOptions, text } from './definition-helpers';
import type { InstrumentDefinition, InstrumentItemCondition } from './instrument-types';

/**
 * Lawton IADL: eight domains, each answer scoring 1 or 0. The first item
 * records the form: the full one (0–8) or the original men's form (0–5), which
 * leaves out food preparation, housekeeping and laundry. Storing it as an answer
 * keeps it with the assessment, and results of different forms are not compared.
 * No official bands.
 */

/** Items asked only on the full form. */
const FULL_FORM_ONLY: InstrumentItemCondition = { itemId: 'form', anyOf: ['full'] };

/** Lawton Instrumental Activities of Daily Living scale (Lawton & Brody 1969). */
export const LAWTON_IADL: InstrumentDefinition = {
  id: 'lawton-iadl',
  title: text('Scala IADL di Lawton', 'Lawton IADL scale'),
  reference:
    'Lawton MP, Brody EM. Assessment of older people: self-maintaining and instrumental activities of daily living. Gerontologist 1969;9(3):179–186.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-better',
  scoring: 'sum',
  formItemId: 'form',
  items: [
    {
      id: 'form',
      label: text('Forma della scala', 'Form of the scale'),
      options: namedOptions([
        ['full', 0, 'Completa, otto funzioni (0–8)', 'Full, eight domains (0–8)'],
        ['men', 0, 'Forma maschile originale, cinque funzioni (0–5)', "Original men's form, five domains (0–5)"],
      ]),
    },
    {
      id: 'telephone',
      label: text('Uso del telefono', 'Ability to use telephone'),
      options: namedOptions([
        ['initiative', 1, 'Usa il telefono di propria iniziativa, cerca e compone i numeri', 'Operates telephone on own initiative, looks up and dials numbers'],
        ['known-numbers', 1, 'Compone solo pochi numeri ben conosciuti', 'Dials a few well-known numbers'],
        ['answers-only', 1, 'Risponde al telefono ma non compone i numeri', 'Answers telephone but does not dial'],
        ['none', 0, 'Non usa il telefono', 'Does not use telephone at all'],
      ]),
    },
    {
      id: 'shopping',
      label: text('Fare la spesa', 'Shopping'),
      options: namedOptions([
        ['independent', 1, 'Fa tutta la spesa da solo', 'Takes care of all shopping independently'],
        ['small-purchases', 0, 'Fa da solo solo piccoli acquisti', 'Shops independently for small purchases only'],
        ['accompanied', 0, 'Deve essere accompagnato per ogni acquisto', 'Needs to be accompanied on any shopping trip'],
        ['unable', 0, 'Del tutto incapace di fare la spesa', 'Completely unable to shop'],
      ]),
    },
    {
      id: 'food',
      label: text('Preparazione dei pasti', 'Food preparation'),
      condition: FULL_FORM_ONLY,
      options: namedOptions([
        ['independent', 1, 'Organizza, prepara e serve pasti adeguati da solo', 'Plans, prepares and serves adequate meals independently'],
        ['if-supplied', 0, 'Prepara pasti adeguati se gli vengono forniti gli ingredienti', 'Prepares adequate meals if supplied with ingredients'],
        ['heats-only', 0, 'Scalda pasti pronti, o prepara pasti ma non segue una dieta adeguata', 'Heats prepared meals, or prepares meals but not an adequate diet'],
        ['needs-meals', 0, 'Ha bisogno che i pasti siano preparati e serviti', 'Needs to have meals prepared and served'],
      ]),
    },
    {
      id: 'housekeeping',
      label: text('Governo della casa', 'Housekeeping'),
      condition: FULL_FORM_ONLY,
      options: namedOptions([
        ['alone', 1, 'Tiene la casa da solo o con aiuto occasionale per i lavori pesanti', 'Maintains house alone or with occasional help with heavy work'],
        ['light-tasks', 1, 'Svolge lavori leggeri (piatti, letto)', 'Performs light daily tasks (dishes, bed making)'],
        ['light-tasks-poorly', 1, 'Svolge lavori leggeri ma non mantiene un livello accettabile di pulizia', 'Performs light tasks but cannot keep an acceptable level of cleanliness'],
        ['needs-help', 1, 'Ha bisogno di aiuto in tutte le faccende domestiche', 'Needs help with all home maintenance tasks'],
        ['none', 0, 'Non partecipa ad alcuna faccenda domestica', 'Does not participate in any housekeeping tasks'],
      ]),
    },
    {
      id: 'laundry',
      label: text('Fare il bucato', 'Laundry'),
      condition: FULL_FORM_ONLY,
      options: namedOptions([
        ['all', 1, 'Fa tutto il proprio bucato', 'Does personal laundry completely'],
        ['small-items', 1, 'Lava solo piccoli capi (calze, fazzoletti)', 'Launders small items only'],
        ['by-others', 0, 'Tutto il bucato deve essere fatto da altri', 'All laundry must be done by others'],
      ]),
    },
    {
      id: 'transport',
      label: text('Spostamenti fuori casa', 'Mode of transportation'),
      options: namedOptions([
        ['independent', 1, 'Usa i mezzi pubblici da solo o guida la propria auto', 'Travels independently on public transport or drives own car'],
        ['taxi-only', 1, 'Si organizza con il taxi ma non usa i mezzi pubblici', 'Arranges own travel via taxi, does not otherwise use public transport'],
        ['public-accompanied', 1, 'Usa i mezzi pubblici se accompagnato', 'Travels on public transport when accompanied'],
        ['car-with-help', 0, "Si sposta solo in taxi o in auto con l'aiuto di altri", 'Travel limited to taxi or car with assistance'],
        ['none', 0, 'Non si sposta affatto', 'Does not travel at all'],
      ]),
    },
    {
      id: 'medications',
      label: text('Responsabilità nell’uso dei farmaci', 'Responsibility for own medications'),
      options: namedOptions([
        ['correct', 1, 'Prende i farmaci da solo, alle dosi e agli orari giusti', 'Takes medication in correct dosages at correct time alone'],
        ['if-prepared', 0, 'Prende i farmaci se preparati in anticipo in dosi separate', 'Takes medication if prepared in advance in separate doses'],
        ['unable', 0, 'Non è in grado di prendere i farmaci da solo', 'Is not capable of dispensing own medication'],
      ]),
    },
    {
      id: 'finances',
      label: text('Gestione del denaro', 'Ability to handle finances'),
      options: namedOptions([
        ['independent', 1, 'Gestisce da solo le proprie finanze (banca, affitto, bollette)', 'Manages financial matters independently (bank, rent, bills)'],
        ['day-to-day', 1, 'Gestisce le spese quotidiane, ha bisogno di aiuto per banca e grandi spese', 'Manages day-to-day purchases, needs help with banking and major purchases'],
        ['unable', 0, 'Incapace di maneggiare il denaro', 'Incapable of handling money'],
      ]),
    },
  ],
  conventions: [
    { kind: 'ranges', id: 'unbanded', label: text('Nessuna fascia ufficiale', 'No official bands'), bands: [] },
  ],
  defaultConvention: 'unbanded',
};
