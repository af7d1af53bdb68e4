declare module "moment-hijri" {
  interface HijriMoment {
    locale(name: string): HijriMoment;
    format(pattern: string): string;
    isValid(): boolean;
    iYear(): number;
    iMonth(): number;
  }
  function momentHijri(input: string, format: string): HijriMoment;
  export default momentHijri;
}
