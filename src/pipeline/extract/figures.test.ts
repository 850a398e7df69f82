import { describe, expect, it } from 'vitest';
import { splitCaption } from './figures.js';

describe('splitCaption', () => {
  it.each([
    [
      'Supporters gather outside the embassy, May 20, 2024. (credit: THAIER AL-SUDANI/REUTERS)',
      'Supporters gather outside the embassy, May 20, 2024.',
      'THAIER AL-SUDANI/REUTERS',
    ],
    ['A tram in the snow. (Photo: Ines Moreau)', 'A tram in the snow.', 'Ines Moreau'],
    ['A tram in the snow. Photo: Ines Moreau', 'A tram in the snow.', 'Ines Moreau'],
    ['A tram in the snow. Credit: City Archive', 'A tram in the snow.', 'City Archive'],
    ['A tram in the snow | Photo by Ines Moreau', 'A tram in the snow', 'Ines Moreau'],
    [
      'The bridge at night. © Regional Water Agency',
      'The bridge at night.',
      'Regional Water Agency',
    ],
    ['Crowds on the quay (JONAS BERG/AFP)', 'Crowds on the quay', 'JONAS BERG/AFP'],
    [
      'Crowds on the quay. Jonas Berg/Getty Images',
      'Crowds on the quay.',
      'Jonas Berg/Getty Images',
    ],
    ['Photo: Ines Moreau', null, 'Ines Moreau'],
    ['A plain caption with no credit at all.', 'A plain caption with no credit at all.', null],
  ])('%s', (text, caption, credit) => {
    expect(splitCaption(text)).toEqual({ caption, credit });
  });
});
