/**
 * Word lists for company and person names in English, German, French and Spanish. Names
 * are assembled from these at random, so they describe no real company or person.
 * Each industry word carries the industry it stands for.
 */

export type IndustryWord = readonly [word: string, industry: string];

export const EN_STEMS = [
  'Bluepeak', 'Silverline', 'Granite', 'Harborview', 'Summit', 'Cedarbrook', 'Redwood', 'Ironbridge',
  'Lakeshore', 'Pioneer', 'Atlas', 'Beacon', 'Crescent', 'Evergreen', 'Falconridge', 'Goldleaf',
  'Horizon', 'Keystone', 'Lighthouse', 'Maplewood', 'Meridian', 'Oakridge', 'Pinnacle', 'Quarry',
  'Riverstone', 'Sterling', 'Tidewater', 'Vantage', 'Westbrook', 'Brightline', 'Copperfield',
  'Driftwood', 'Foxglove', 'Highgate', 'Juniper', 'Kestrel', 'Larkspur', 'Nimbus', 'Orchard',
  'Peregrine', 'Rookwood', 'Saltmarsh', 'Thornbury', 'Willowby', 'Zephyr', 'Ambergate', 'Blackpine',
  'Clearwater', 'Dunmore', 'Elmstead', 'Fairhaven', 'Greystone', 'Hollowell', 'Ivybridge',
];

export const EN_INDUSTRIES: readonly IndustryWord[] = [
  ['Logistics', 'Logistics'], ['Freight', 'Logistics'], ['Analytics', 'Software'], ['Software', 'Software'],
  ['Systems', 'Software'], ['Labs', 'Biotech'], ['Biosciences', 'Biotech'], ['Health', 'Healthcare'],
  ['Medical', 'Healthcare'], ['Foods', 'Food & Beverage'], ['Brewing', 'Food & Beverage'], ['Energy', 'Energy'],
  ['Solar', 'Energy'], ['Capital', 'Financial Services'], ['Insurance', 'Financial Services'], ['Media', 'Media'],
  ['Studios', 'Media'], ['Robotics', 'Manufacturing'], ['Manufacturing', 'Manufacturing'], ['Metals', 'Manufacturing'],
  ['Motors', 'Automotive'], ['Telecom', 'Telecommunications'], ['Networks', 'Telecommunications'],
  ['Builders', 'Construction'], ['Construction', 'Construction'], ['Learning', 'Education'],
  ['Outfitters', 'Retail'], ['Goods', 'Retail'], ['Apparel', 'Retail'],
];

export const EN_US_FORMS = ['Inc.', 'LLC', 'Corp.', 'Group', 'Co.', 'Partners', '', '', ''];
export const EN_UK_FORMS = ['Ltd', 'Ltd', 'PLC', 'Group', ''];

export const EN_FIRST = [
  'Avery', 'Blake', 'Casey', 'Dana', 'Elliot', 'Frances', 'Grace', 'Harper', 'Isaac', 'Jordan', 'Kendall',
  'Logan', 'Morgan', 'Nora', 'Owen', 'Parker', 'Quinn', 'Riley', 'Sydney', 'Taylor', 'Vivian', 'Wesley',
  'Zoe', 'Hannah', 'Ethan', 'Olivia', 'Liam', 'Amelia', 'Noah', 'Chloe', 'Mason', 'Ella', 'Priya', 'Rahul',
];

export const EN_LAST = [
  'Anderson', 'Brooks', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Graham', 'Hayes', 'Irving', 'Jensen',
  'Keller', 'Lawson', 'Mitchell', 'Nolan', 'Oakley', 'Porter', 'Quincy', 'Reynolds', 'Sutton', 'Turner',
  'Underwood', 'Vaughn', 'Whitaker', 'Young', 'Bennett', 'Collins', 'Foster', 'Hughes', 'Murphy', 'Palmer',
  "O'Connor", 'Patel', 'Okafor', 'Nguyen',
];

export const DE_STEMS = [
  'Müller', 'Schröder', 'Köhler', 'Jäger', 'Böhm', 'Krüger', 'Fröhlich', 'Gärtner', 'Löwe', 'Wagner',
  'Brandt', 'Hoffmann', 'Schäfer', 'Vogel', 'Lorenz', 'Kühn', 'Wolff', 'Rhein', 'Nordlicht', 'Alpen',
  'Elbe', 'Isar', 'Schwarzwald', 'Bodensee', 'Spree', 'Weser', 'Fichtel', 'Hügel', 'Mühlbach', 'Grünwald',
];

export const DE_INDUSTRIES: readonly IndustryWord[] = [
  ['Maschinenbau', 'Manufacturing'], ['Logistik', 'Logistics'], ['Feinkost', 'Food & Beverage'],
  ['Elektrotechnik', 'Manufacturing'], ['Baustoffe', 'Construction'], ['Medizintechnik', 'Healthcare'],
  ['Software', 'Software'], ['Energie', 'Energy'], ['Versicherungen', 'Financial Services'], ['Verlag', 'Media'],
  ['Fahrzeugbau', 'Automotive'], ['Brauerei', 'Food & Beverage'], ['Präzisionstechnik', 'Manufacturing'],
];

export const DE_FORMS = ['GmbH', 'GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'SE'];

export const DE_FIRST = [
  'Jürgen', 'Jörg', 'Björn', 'Käthe', 'Anja', 'Lukas', 'Mia', 'Jonas', 'Lena', 'Matthias', 'Sören', 'Greta',
  'Günter', 'Hanna', 'Tobias', 'Ursula', 'Dörte', 'Felix', 'Marlene', 'Stefan', 'Jürgen-Peter', 'Anna-Lena',
];

export const DE_LAST = [
  'Müller', 'Schäfer', 'Köhler', 'Groß', 'Weiß', 'Bäumer', 'Hoffmann', 'Krämer', 'Schröder', 'Fischer',
  'Jäger', 'Möller', 'Lührs', 'Zimmermann', 'Wöhler', 'Brückner', 'Kaiser', 'Sauer', 'Dürr', 'Hölzel',
];

export const FR_PREFIXES = ['Groupe', 'Société', 'Atelier', 'Éditions', 'Maison', 'Laboratoires', 'Compagnie', 'Transports'];

export const FR_STEMS = [
  'Lefèvre', 'Dubois', 'Mercier', 'Bérard', 'Lumière', 'Étoile', 'Beaulieu', 'Garnier', 'Fontaine',
  'Rivière', 'Clément', 'Hélios', 'Mistral', 'Océane', 'Provençale', 'Côte Verte', 'Île Bleue', 'Sénéchal',
];

export const FR_INDUSTRIES: readonly IndustryWord[] = [
  ['Logistique', 'Logistics'], ['Santé', 'Healthcare'], ['Énergie', 'Energy'], ['Informatique', 'Software'],
  ['Alimentaire', 'Food & Beverage'], ['Bâtiment', 'Construction'], ['Médias', 'Media'],
  ['Assurances', 'Financial Services'], ['Mécanique', 'Manufacturing'], ['Télécom', 'Telecommunications'],
];

export const FR_FORMS = ['SA', 'SAS', 'SARL', ''];

export const FR_FIRST = [
  'Amélie', 'Hélène', 'François', 'Jérôme', 'Loïc', 'Chloé', 'Léa', 'Noël', 'Zoé', 'Benoît', 'Cécile',
  'Gaëlle', 'Théo', 'Maëlle', 'Raphaël', 'Inès', 'Émile', 'Océane', 'Adèle', 'Julien', 'Jean-Luc',
];

export const FR_LAST = [
  'Lefèvre', 'Dupré', 'Géraud', 'Bérard', 'Moreau', 'Girard', 'Rousseau', 'Lemaître', 'Faure', 'Chevalier',
  'Besançon', 'Renaud', 'Perrin', 'Fabré', 'Mercier', 'Légaré', 'Boucher', 'Desmarais', 'Thébault', 'Vidal',
];

export const ES_STEMS = [
  'Núñez', 'Peña', 'Muñoz', 'Ibáñez', 'Castaño', 'Cañada', 'Olivares', 'Montaña', 'Sevilla', 'Andalucía',
  'Galicia', 'Ibérica', 'Mediterráneo', 'Alcázar', 'Cortés', 'Guzmán', 'Valdés', 'Rincón', 'Almería',
];

export const ES_INDUSTRIES: readonly IndustryWord[] = [
  ['Logística', 'Logistics'], ['Soluciones Tecnológicas', 'Software'], ['Construcciones', 'Construction'],
  ['Alimentación', 'Food & Beverage'], ['Energía', 'Energy'], ['Salud', 'Healthcare'],
  ['Telecomunicaciones', 'Telecommunications'], ['Seguros', 'Financial Services'], ['Distribución', 'Retail'],
];

export const ES_FORMS = ['S.A.', 'S.L.', 'S.L.U.', ''];

export const ES_FIRST = [
  'José', 'María', 'Ramón', 'Inés', 'Raúl', 'Lucía', 'Sofía', 'Íñigo', 'Álvaro', 'Begoña', 'Andrés',
  'Martín', 'Nuria', 'Sebastián', 'Ángela', 'Joaquín', 'Verónica', 'Óscar', 'Rocío', 'Tomás', 'María José',
];

export const ES_LAST = [
  'Núñez', 'Peña', 'Muñoz', 'Ibáñez', 'García', 'Martínez', 'Gómez', 'Sánchez', 'Fernández', 'Domínguez',
  'Jiménez', 'Hernández', 'Ordóñez', 'Castaño', 'Rodríguez', 'Benítez', 'Vázquez', 'Cortés', 'Montoya', 'Álvarez',
];

/** A few companies put an emoji in their name; search and every surface must cope. */
export const EMOJI = ['🚀', '☕', '🌱', '🍕', '⚡', '🎧', '🧁', '🛠️', '🌊', '🐝'];
