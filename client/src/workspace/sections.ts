// The workspace's sections (Overview, Transcripts, People…) are its child routes that carry a
// `section` in their static data: the navigation lists exactly those, in the order of the
// route tree. A new section (Codebook, Review, Memos, Discussion) is its route with a
// `section` entry, and nothing else needs editing to put it in the sidebar and the phone's bar.
export type SectionInfo = {
  /** The name in the navigation, in the interface's own words. */
  label: string;
};

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** Makes a workspace route a section in the navigation. */
    section?: SectionInfo;
    /** Why a link to this page asks to sign in first (shown above the sign-in form). */
    signInNotice?: string;
    /** Shown without a session (a password link is for someone who cannot sign in). */
    public?: boolean;
  }
}
