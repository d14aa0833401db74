import type { PatientDoc, Role } from '@prossima/domain';

type PatientContacts = Required<Pick<PatientDoc, 'caregiver' | 'familyDoctor'>>;

/** The two demo districts (ULSS 6 Euganea, Padova). */
export const DEMO_DISTRICTS = [
  { id: 'distretto-a', name: 'Distretto Padova Bacchiglione' },
  { id: 'distretto-b', name: 'Distretto Alta Padovana' },
] as const;

/** Demo accounts: personal, one per person; the password of all of them is `prossima`. */
export const DEMO_ACCOUNTS: { id: string; username: string; displayName: string; role: Role; districtId: string | null; patientId?: string }[] = [
  { id: 'u-ifec-rossi', username: 'ifec.rossi', displayName: 'Giulia Rossi', role: 'nurse', districtId: 'distretto-a' },
  { id: 'u-ifec-bianchi', username: 'ifec.bianchi', displayName: 'Marco Bianchi', role: 'nurse', districtId: 'distretto-a' },
  { id: 'u-ifec-ferri', username: 'ifec.ferri', displayName: 'Elena Ferri', role: 'nurse', districtId: 'distretto-b' },
  { id: 'u-dist-verdi', username: 'dist.verdi', displayName: 'Paola Verdi', role: 'district-nurse', districtId: 'distretto-a' },
  { id: 'u-cot-neri', username: 'cot.neri', displayName: 'Luca Neri', role: 'coordinator', districtId: 'distretto-a' },
  { id: 'u-paz-esposito', username: 'paz.esposito', displayName: 'Antonio Esposito', role: 'patient', districtId: 'distretto-a', patientId: 'pat-a-001' },
  { id: 'u-admin', username: 'admin', displayName: 'Amministratore', role: 'admin', districtId: null },
];

/** The demo password (demo mode only). */
export const DEMO_PASSWORD = 'prossima';

/** A demo patient before it becomes a document. */
export interface DemoPatient {
  id: string;
  districtId: string;
  nurseId: string;
  givenName: string;
  familyName: string;
  sex: 'M' | 'F';
  birthDate: string;
  birthplaceCode: string;
  street: string;
  city: string;
  postalCode: string;
  phone: string;
  conditions: string[];
  allergies: string[];
  paiSummary: string;
  tasks: string[];
  lat: number;
  lon: number;
}

const A = 'distretto-a';
const B = 'distretto-b';
const ROSSI = 'u-ifec-rossi';
const BIANCHI = 'u-ifec-bianchi';
const FERRI = 'u-ifec-ferri';

/** Patients in home care (ADI), with the tasks of their care plans. Fictitious people. */
export const DEMO_PATIENTS: DemoPatient[] = [
  { id: 'pat-a-001', districtId: A, nurseId: ROSSI, givenName: 'Antonio', familyName: 'Esposito', sex: 'M', birthDate: '1941-03-12', birthplaceCode: 'F839', street: 'Via Roma 14', city: 'Padova', postalCode: '35122', phone: '+39 049 876 5432', conditions: ['Scompenso cardiaco cronico (NYHA III)', 'Diabete mellito tipo 2'], allergies: ['Penicillina'], paiSummary: 'Telemonitoraggio di pressione, SpO2 e peso; educazione terapeutica sulla restrizione idrica; controllo glicemico settimanale.', tasks: ['Parametri vitali', 'Controllo peso ed edemi', 'Glicemia capillare'], lat: 45.4072, lon: 11.8754 },
  { id: 'pat-a-002', districtId: A, nurseId: ROSSI, givenName: 'Maria', familyName: 'Zanetti', sex: 'F', birthDate: '1936-11-02', birthplaceCode: 'G224', street: 'Via Belzoni 88', city: 'Padova', postalCode: '35121', phone: '+39 049 801 2233', conditions: ['Lesione da pressione sacrale stadio II', 'Esiti di frattura di femore'], allergies: [], paiSummary: 'Medicazione avanzata della lesione sacrale a giorni alterni; mobilizzazione e prevenzione delle cadute.', tasks: ['Medicazione lesione sacrale', 'Valutazione rischio cadute'], lat: 45.4105, lon: 11.8868 },
  { id: 'pat-a-003', districtId: A, nurseId: ROSSI, givenName: 'Giuseppe', familyName: 'Bortolami', sex: 'M', birthDate: '1948-07-23', birthplaceCode: 'G224', street: 'Via Facciolati 51', city: 'Padova', postalCode: '35127', phone: '+39 049 775 1020', conditions: ['BPCO in ossigenoterapia domiciliare'], allergies: ['Lattice'], paiSummary: 'Controllo dell\'ossigenoterapia e della saturazione; spirometria trimestrale; educazione all\'uso dei devices inalatori.', tasks: ['Saturimetria', 'Controllo ossigenoterapia'], lat: 45.3968, lon: 11.8935 },
  { id: 'pat-a-004', districtId: A, nurseId: ROSSI, givenName: 'Lucia', familyName: 'Menegazzo', sex: 'F', birthDate: '1939-01-30', birthplaceCode: 'L736', street: 'Via Chiesanuova 140', city: 'Padova', postalCode: '35136', phone: '+39 049 871 4455', conditions: ['Demenza di Alzheimer moderata', 'Ipertensione arteriosa'], allergies: [], paiSummary: 'Supporto al caregiver; monitoraggio pressorio; verifica dell\'assunzione della terapia.', tasks: ['Parametri vitali', 'Verifica terapia'], lat: 45.4131, lon: 11.8421 },
  { id: 'pat-a-005', districtId: A, nurseId: ROSSI, givenName: 'Franco', familyName: 'Pittarello', sex: 'M', birthDate: '1952-05-18', birthplaceCode: 'G224', street: 'Via Tiziano Aspetti 203', city: 'Padova', postalCode: '35133', phone: '+39 049 605 7788', conditions: ['Catetere vescicale a permanenza', 'Esiti di ictus ischemico'], allergies: ['Cerotti adesivi'], paiSummary: 'Gestione del catetere vescicale con sostituzione mensile; prevenzione delle infezioni urinarie.', tasks: ['Gestione catetere vescicale'], lat: 45.4267, lon: 11.8912 },
  { id: 'pat-a-006', districtId: A, nurseId: BIANCHI, givenName: 'Teresa', familyName: 'Carraro', sex: 'F', birthDate: '1944-09-09', birthplaceCode: 'G224', street: 'Via Guizza 67', city: 'Padova', postalCode: '35125', phone: '+39 049 680 1199', conditions: ['Ulcera venosa arto inferiore destro'], allergies: [], paiSummary: 'Medicazione e bendaggio compressivo due volte a settimana.', tasks: ['Medicazione ulcera', 'Bendaggio compressivo'], lat: 45.3797, lon: 11.8799 },
  { id: 'pat-a-007', districtId: A, nurseId: BIANCHI, givenName: 'Bruno', familyName: 'Scarpa', sex: 'M', birthDate: '1938-12-01', birthplaceCode: 'L736', street: 'Via Sorio 22', city: 'Padova', postalCode: '35141', phone: '+39 049 872 3344', conditions: ['Nutrizione enterale tramite PEG'], allergies: ['Iodio'], paiSummary: 'Gestione della PEG e della nutrizione enterale; controllo del peso e dello stato di idratazione.', tasks: ['Gestione PEG', 'Controllo peso'], lat: 45.4045, lon: 11.8598 },
  { id: 'pat-a-008', districtId: A, nurseId: BIANCHI, givenName: 'Rosa', familyName: 'Gallo', sex: 'F', birthDate: '1946-04-14', birthplaceCode: 'H501', street: 'Via Vittorio Veneto 5', city: 'Padova', postalCode: '35123', phone: '+39 049 875 6677', conditions: ['Terapia anticoagulante orale (TAO)'], allergies: [], paiSummary: 'Prelievo per INR e adeguamento della terapia con il medico di famiglia.', tasks: ['Prelievo INR'], lat: 45.4011, lon: 11.8782 },
  { id: 'pat-b-001', districtId: B, nurseId: FERRI, givenName: 'Angelo', familyName: 'Cecchinato', sex: 'M', birthDate: '1943-06-06', birthplaceCode: 'C743', street: 'Borgo Treviso 31', city: 'Cittadella', postalCode: '35013', phone: '+39 049 940 1122', conditions: ['Scompenso cardiaco cronico'], allergies: [], paiSummary: 'Monitoraggio di peso e parametri vitali; educazione alla dieta iposodica.', tasks: ['Parametri vitali', 'Controllo peso'], lat: 45.6489, lon: 11.7838 },
  { id: 'pat-b-002', districtId: B, nurseId: FERRI, givenName: 'Gina', familyName: 'Favaro', sex: 'F', birthDate: '1935-10-21', birthplaceCode: 'B563', street: 'Via Rialto 9', city: 'Camposampiero', postalCode: '35012', phone: '+39 049 579 3344', conditions: ['Lesione da pressione al tallone stadio III'], allergies: ['Sulfamidici'], paiSummary: 'Medicazione quotidiana del tallone; scarico pressorio; valutazione nutrizionale.', tasks: ['Medicazione tallone'], lat: 45.5702, lon: 11.9324 },
  { id: 'pat-b-003', districtId: B, nurseId: FERRI, givenName: 'Sergio', familyName: 'Baggio', sex: 'M', birthDate: '1950-02-27', birthplaceCode: 'C743', street: 'Via Marconi 44', city: 'Cittadella', postalCode: '35013', phone: '+39 049 597 8899', conditions: ['Diabete mellito tipo 2 insulinotrattato'], allergies: [], paiSummary: 'Controllo glicemico ed educazione all\'autosomministrazione dell\'insulina.', tasks: ['Glicemia capillare', 'Educazione terapeutica'], lat: 45.6455, lon: 11.7861 },
];

/** Who looks after each demo patient, the family doctor, and the warnings the nurse sees before entering. */
export const DEMO_CONTACTS: Record<string, { caregiver?: PatientContacts['caregiver']; familyDoctor: PatientContacts['familyDoctor']; alerts: string[] }> = {
  'pat-a-001': { caregiver: { name: 'Carmela Esposito', relation: 'Moglie', phone: '+39 049 876 5432' }, familyDoctor: { name: 'Dott. Paolo Marin', phone: '+39 049 820 1100' }, alerts: ['Restrizione idrica 1,5 L/die'] },
  'pat-a-002': { caregiver: { name: 'Laura Zanetti', relation: 'Figlia (convivente)', phone: '+39 347 112 2334' }, familyDoctor: { name: 'Dott.ssa Anna Rizzo', phone: '+39 049 830 2200' }, alerts: ['Alto rischio di cadute', 'Materasso antidecubito in uso'] },
  'pat-a-003': { caregiver: { name: 'Ivo Bortolami', relation: 'Fratello', phone: '+39 340 556 7788' }, familyDoctor: { name: 'Dott. Paolo Marin', phone: '+39 049 820 1100' }, alerts: ['Ossigeno in casa: non fumare, niente fiamme libere'] },
  'pat-a-004': { caregiver: { name: 'Davide Menegazzo', relation: 'Figlio', phone: '+39 348 990 1122' }, familyDoctor: { name: 'Dott. Marco Pavan', phone: '+39 049 840 3300' }, alerts: ['Paziente disorientata: parlare con il caregiver'] },
  'pat-a-005': { caregiver: { name: 'Nadia Pittarello', relation: 'Moglie', phone: '+39 049 605 7788' }, familyDoctor: { name: 'Dott.ssa Anna Rizzo', phone: '+39 049 830 2200' }, alerts: ['Cane in giardino: suonare e attendere'] },
  'pat-a-006': { familyDoctor: { name: 'Dott. Marco Pavan', phone: '+39 049 840 3300' }, alerts: [] },
  'pat-a-007': { caregiver: { name: 'Silvia Scarpa', relation: 'Nuora', phone: '+39 333 445 5667' }, familyDoctor: { name: 'Dott. Paolo Marin', phone: '+39 049 820 1100' }, alerts: ['Rischio di aspirazione: testiera a 30°'] },
  'pat-a-008': { familyDoctor: { name: 'Dott.ssa Anna Rizzo', phone: '+39 049 830 2200' }, alerts: [] },
  'pat-b-001': { caregiver: { name: 'Luisa Cecchinato', relation: 'Moglie', phone: '+39 049 940 1122' }, familyDoctor: { name: 'Dott. Giorgio Zen', phone: '+39 049 950 4400' }, alerts: [] },
  'pat-b-002': { caregiver: { name: 'Mario Favaro', relation: 'Figlio', phone: '+39 335 667 7889' }, familyDoctor: { name: 'Dott. Giorgio Zen', phone: '+39 049 950 4400' }, alerts: ['Scale ripide all\'ingresso'] },
  'pat-b-003': { familyDoctor: { name: 'Dott.ssa Elisa Bano', phone: '+39 049 960 5500' }, alerts: [] },
};
