/**
 * Questions about anything but a news incident, asked of every index at reindex to learn how
 * similar the configured model finds text that has nothing to do with the articles. They are
 * deliberately general (sport, cooking, weather, science, software, travel, other countries'
 * politics…) and never name the incident: the corpus changes, the probes do not.
 *
 * Bump {@link CALIBRATION_PROBES_VERSION} when editing the list, so stored calibrations are redone.
 */
export const CALIBRATION_PROBES_VERSION = 1;

/** The off-topic probe questions. */
export const OFF_TOPIC_PROBES: readonly string[] = [
  'Who won the football league last season?',
  'How many goals did the striker score in the cup final?',
  'When does the tennis tournament start this year?',
  'Which team won the basketball championship?',
  'How do I bake sourdough bread at home?',
  'What is a good recipe for chocolate cake?',
  'How long should pasta boil before it is ready?',
  'Which wine goes well with grilled fish?',
  'Will it rain tomorrow afternoon?',
  'What temperature is expected over the weekend?',
  'How much snow fell in the mountains last winter?',
  'When is the best season to plant tomatoes?',
  'How do I fix a memory leak in a Java program?',
  'What is the difference between a list and a tuple in Python?',
  'How do I centre a div with CSS?',
  'Which database should I use for a small web shop?',
  'Who was elected mayor of the city in the last local election?',
  'What did the parliament of Brazil vote on last week?',
  'Who is the current chancellor of Germany?',
  'How did the Canadian budget change pension payments?',
  'What causes the northern lights?',
  'How far is the Moon from the Earth?',
  'Why is the sky blue?',
  'How many bones are there in the human body?',
  'What are the symptoms of the common cold?',
  'How often should I water a cactus?',
  'What is the cheapest way to fly to Japan?',
  'Which museums are worth visiting in Paris?',
  'Where can I rent a bicycle near the beach?',
  'Who painted the ceiling of the Sistine Chapel?',
  'When was the printing press invented?',
  'Who wrote the novel about a white whale?',
  'What is the plot of the new superhero film?',
  'Which singer released the most popular album this year?',
  'How do I train my puppy to sit?',
  'What do giraffes eat in the wild?',
  'How can I lower my electricity bill in winter?',
  'What is the interest rate on a fixed mortgage?',
  'How do I change a flat tyre on my car?',
  'Which smartphone has the longest battery life?',
  'How many calories does a banana have?',
  'What is the best exercise for a sore back?',
];
