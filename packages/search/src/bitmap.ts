// roaring is CommonJS without named exports Node can detect: take the class off the default export.
import roaring from "roaring";

export const RoaringBitmap32 = roaring.RoaringBitmap32;
export type RoaringBitmap32 = InstanceType<typeof roaring.RoaringBitmap32>;
