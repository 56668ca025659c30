package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User names on social networks and chat services, which find a person as surely as a phone number:
 * "@jane.doe", "my insta is janedoe99", "jane_doe99 on instagram". Only the handle is replaced, so
 * "my insta is [handle]" still says what it was. A word is a handle when it has a handle's marks (a
 * digit, an underscore, a dot inside) or, where the reader says it is one, when it is no English
 * word: "my insta is private" and "I posted it on instagram" stay, as does "@home".
 */
final class SocialHandleDetector implements PiiDetector {
    private static final String PLATFORM = "(?:instagram|insta|ig|tiktok|tik\\s+tok|twitter|snapchat|snap|discord"
            + "|reddit|facebook|fb|telegram|threads|tumblr|twitch|youtube|venmo|cash\\s?app|kik|whatsapp|linkedin"
            + "|bluesky|mastodon|steam|xbox|psn|roblox|pinterest)";
    private static final String HANDLE = "([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)";
    private static final Pattern AT_HANDLE = Pattern.compile("(?<![\\w.@/])@" + HANDLE + "(?![\\w@])");
    /** "my insta is janedoe99", "her snapchat username: jdoe", "my handle is @jane.doe", "add me on snap jdoe". */
    private static final Pattern CUED = Pattern.compile("(?i)(?:\\b(?:my|his|her|their|our|your)\\s+(?:" + PLATFORM
            + "\\s+)?(?:" + PLATFORM + "|handle|username|user\\s+name|screen\\s?name|gamertag|tag)"
            + "(?:\\s+(?:handle|username|user\\s+name|name|account|id|@))?"
            + "|\\b(?:find|add|follow|dm|message)\\s+(?:me|her|him|them)\\s+on\\s+" + PLATFORM + ")"
            + "(?:\\s*(?:is|was|:|=)|\\s+at)?\\s*@?" + HANDLE + "(?![\\w@])");
    /** "jane_doe99 on instagram": the word before the platform must have a handle's marks. */
    private static final Pattern BEFORE_PLATFORM =
            Pattern.compile("(?i)(?<![\\w.@/])@?" + HANDLE + "\\s+on\\s+" + PLATFORM + "\\b");

    private static final Pattern HANDLE_MARKS = Pattern.compile("\\d|_|\\w\\.\\w");
    private static final Pattern TIME = Pattern.compile("(?i)\\d{1,2}(?:[:.]\\d{2})?(?:am|pm)?");

    private final NameLexicon lexicon;

    SocialHandleDetector(NameLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher at = AT_HANDLE.matcher(text);
        while (at.find()) {
            String handle = at.group(1);
            // "@home", "meet @5pm": an at sign that means "at".
            if (!TIME.matcher(handle).matches() && (hasMarks(handle) || !isWord(handle))) {
                found.add(new Finding(PiiKind.SOCIAL_HANDLE, at.start(), at.end()));
            }
        }
        Matcher cued = CUED.matcher(text);
        while (cued.find()) {
            String handle = cued.group(1);
            if (hasMarks(handle) || !isWord(handle)) {
                int start = text.charAt(cued.start(1) - 1) == '@' ? cued.start(1) - 1 : cued.start(1);
                found.add(new Finding(PiiKind.SOCIAL_HANDLE, start, cued.end(1)));
            }
        }
        Matcher before = BEFORE_PLATFORM.matcher(text);
        while (before.find()) {
            if (hasMarks(before.group(1))) {
                found.add(new Finding(PiiKind.SOCIAL_HANDLE, before.start(), before.end(1)));
            }
        }
        return found;
    }

    /** "private", "Kira": a word of the sentence or one never a name here, not a handle. */
    private boolean isWord(String handle) {
        return lexicon.isEnglishWord(handle) || lexicon.isNeverName(handle);
    }

    private static boolean hasMarks(String handle) {
        return HANDLE_MARKS.matcher(handle).find() && !TIME.matcher(handle).matches();
    }
}
