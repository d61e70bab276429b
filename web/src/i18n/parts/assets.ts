/** Words for: pictures in the item editor's image blocks (choosing one, uploading one). Swedish is the source; English must have every key. */
export const sv = {
  'assets.what': 'bilderna',
  'assets.picker.label': 'Bild',
  'assets.picker.hint': 'Välj bland de uppladdade bilderna, eller ladda upp en ny nedan.',
  'assets.picker.choose': 'Välj en bild …',
  'assets.picker.option': '{file} – {alt}',
  'assets.picker.unknown': '{id} (finns inte bland bilderna)',

  'assets.upload.legend': 'Ladda upp en bild',
  'assets.upload.file': 'Bildfil',
  'assets.upload.fileHint': 'PNG eller JPEG, högst {mb} MB och {megapixels} megapixlar. Bilden sparas utan metadata (plats, kamera).',
  'assets.upload.alt': 'Alternativtext för den nya bilden',
  'assets.upload.altHint': 'Beskriv med ord vad bilden visar, för den som inte ser den. Den blir också blockets alternativtext.',
  'assets.upload.submit': 'Ladda upp bilden',
  'assets.upload.noFile': 'välj en PNG- eller JPEG-fil',
  'assets.upload.noAlt': 'alternativtext krävs: beskriv med ord vad bilden visar',
  'assets.upload.progress': 'Uppladdning av {file}',
  'assets.upload.progressText': 'Laddar upp {file}: {percent}.',
  'assets.upload.done': 'Bilden ”{file}” är uppladdad och vald i blocket.',
  'assets.upload.failed': 'Bilden kunde inte laddas upp.',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'assets.what': 'the pictures',
  'assets.picker.label': 'Picture',
  'assets.picker.hint': 'Choose among the uploaded pictures, or upload a new one below.',
  'assets.picker.choose': 'Choose a picture …',
  'assets.picker.option': '{file} – {alt}',
  'assets.picker.unknown': '{id} (not among the pictures)',

  'assets.upload.legend': 'Upload a picture',
  'assets.upload.file': 'Picture file',
  'assets.upload.fileHint': 'PNG or JPEG, at most {mb} MB and {megapixels} megapixels. The picture is stored without metadata (place, camera).',
  'assets.upload.alt': 'Alternative text of the new picture',
  'assets.upload.altHint': 'Say in words what the picture shows, for those who cannot see it. It also becomes the block’s alternative text.',
  'assets.upload.submit': 'Upload the picture',
  'assets.upload.noFile': 'choose a PNG or JPEG file',
  'assets.upload.noAlt': 'alternative text is required: say in words what the picture shows',
  'assets.upload.progress': 'Upload of {file}',
  'assets.upload.progressText': 'Uploading {file}: {percent}.',
  'assets.upload.done': 'The picture “{file}” is uploaded and chosen in the block.',
  'assets.upload.failed': 'The picture could not be uploaded.',
};
