import { describe, expect, it } from "vitest";
import { insertMention, matchingPeople, mentionQuery, mentionedIn, splitMentions } from "./mentions";

const jo = { id: "u1", name: "Jo Mensah" };
const tom = { id: "u2", name: "Dr Tom Hale" };

describe("mentions", () => {
  it("finds the mention being typed at the caret", () => {
    expect(mentionQuery("see @To", 7)).toEqual({ at: 4, query: "To" });
    expect(mentionQuery("@", 1)).toEqual({ at: 0, query: "" });
    expect(mentionQuery("mail a@b", 8)).toBeNull();
    expect(mentionQuery("@Jo said", 8)).toBeNull();
  });

  it("matches people by any word of their name", () => {
    expect(matchingPeople([jo, tom], "tom")).toEqual([tom]);
    expect(matchingPeople([jo, tom], "")).toEqual([jo, tom]);
  });

  it("inserts the name and keeps only mentions still in the text", () => {
    const { text, caret } = insertMention("ask @to now", 4, 2, tom);
    expect(text).toBe("ask @Dr Tom Hale  now");
    expect(caret).toBe(17);
    expect(mentionedIn(text, [tom, jo])).toEqual(["u2"]);
    expect(mentionedIn("ask now", [tom])).toEqual([]);
  });

  it("cuts a message into text and mentions", () => {
    expect(splitMentions("@Jo Mensah and @Dr Tom Hale?", [tom, jo])).toEqual([
      { text: "@Jo Mensah", mention: jo },
      { text: " and " },
      { text: "@Dr Tom Hale", mention: tom },
      { text: "?" },
    ]);
  });
});
