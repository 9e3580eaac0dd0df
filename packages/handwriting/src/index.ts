/**
 * @bangban/handwriting: offline Chinese handwriting recognition for the kiosk's pad, and the words
 * offered after a character is chosen. No DOM, no React: strokes in, candidates out.
 */
export { boundingBox, normalize, resample, type Box, type Point, type Stroke } from './geometry'
export {
  createRecognizer,
  type Candidate,
  type Recognizer,
  type RecognizerOptions,
  type Script,
} from './recognizer'
export { createAssociations, type Associations, type WordData } from './associations'
export { decodeCharacters, encodeCharacters, type StoredChar } from './format'
export { FILES, loadHandwriting, loadPinyin, type Handwriting } from './load'
export {
  createPinyinIndex,
  decodePinyin,
  encodePinyin,
  segmentWith,
  type PinyinCandidate,
  type PinyinEntry,
  type PinyinIndex,
  type Segmentation,
} from './pinyin'
