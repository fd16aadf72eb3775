import type { CardKind, City, Lever } from '@harvest/shared'

/**
 * Cluster 4 "Decarbonising the Built Environment" as the D4.5 report lists it (section 3.4):
 * four pilots, the Polish one a multi-city pilot, each with its twin city.
 */
export const CLUSTER4 = {
  title: 'Round 2 Collective Sensemaking: Looking back, looking ahead',
  cluster: 'Cluster 4: Decarbonising the Built Environment',
  cities: [
    { name: 'Cluj-Napoca', kind: 'pilot', project: 'Net-Zero Apartment-block Neighbourhoods' },
    { name: 'Vari Voula Vouliagmeni', kind: 'twin', twinOf: 'Cluj-Napoca' },
    { name: 'Galway', kind: 'pilot', project: 'Net Zero Pilot' },
    { name: 'Belfast', kind: 'twin', twinOf: 'Galway' },
    { name: 'Istanbul', kind: 'pilot', project: 'Build4GreenIST - Green and Carbon Neutral Building Transition Guide' },
    { name: 'Mytilene', kind: 'twin', twinOf: 'Istanbul' },
    {
      name: 'Polish multi-city pilot (Kraków, Łódź, Rzeszów, Warsaw, Wrocław)',
      kind: 'pilot',
      project: 'NEEST – NetZero Emission and Environmentally Sustainable Territories',
    },
  ] satisfies City[],
  /** Opening cards, each drawn from what the report says the city shared (section 3.4). */
  cards: [
    {
      city: 'Galway', kind: 'outcome', levers: ['social_innovation'],
      text: 'Set up the Warm Home Hub: a physical and a virtual centre that support people through each stage of their retrofitting journey.',
    },
    {
      city: 'Galway', kind: 'learning', levers: ['democracy'],
      text: 'Look beyond costs and benefits: understand lived experiences and how households actually make decisions.',
    },
    {
      city: 'Istanbul', kind: 'outcome', levers: ['democracy', 'technology'],
      text: 'Workshops bringing citizens and professionals together, and an app for citizens to monitor their own energy use.',
    },
    { city: 'Cluj-Napoca', kind: 'challenge', levers: ['governance'], text: 'Aligning diverse stakeholder interests around common sustainability goals is the hard part.' },
    {
      city: 'Polish multi-city pilot (Kraków, Łódź, Rzeszów, Warsaw, Wrocław)', kind: 'learning', levers: ['governance', 'learning'],
      text: 'Cooperating with the national science institution strengthens our work with the national government.',
    },
  ],
} as const
