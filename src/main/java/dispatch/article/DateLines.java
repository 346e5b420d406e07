package dispatch.article;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a line that is only a date, as news pages print them: "8 September 2018",
 * "September 10, 2018", "Mon 10 Sep 2018 14.30 BST", "Sept. 10, 2018 at 2:30 p.m. ET",
 * "2018-09-10T14:30:00Z", with an optional "Published", "Updated" or "Posted" before it. A line
 * that says anything more, such as a quoted sentence that mentions a date, is not one.
 */
final class DateLines {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?";
    private static final String TIME = "(?:(?:at\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?(?::\\d{2})?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*"
            + "(gmt|utc|bst|cet|cest|est|edt|et|pst|pdt|pt|cst|cdt|ct|mst|mdt|mt|z)?)";
    private static final String PREFIX = "(?:(?:published|updated|last updated|posted|first published|modified|date)(?:\\s+on)?\\s*:?\\s*)?";
    private static final String SEP = "\\s*(?:[,|•·/-]|\\s)\\s*";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^" + PREFIX + "(?:" + TIME + SEP + ")?" + WEEKDAY
            + "(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})(?:" + SEP + TIME + ")?$");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("^" + PREFIX + "(?:" + TIME + SEP + ")?" + WEEKDAY
            + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:" + SEP + TIME + ")?$");
    /** {@code 10.09.2018}: with dots, the day comes first wherever this form is printed. */
    private static final Pattern DOTTED = Pattern.compile("^" + PREFIX + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:" + SEP + TIME + ")?$");
    private static final Pattern ISO = Pattern.compile("^" + PREFIX
            + "(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(z|[+-]\\d{2}:?\\d{2}|utc|gmt)?)?$");

    private static final Pattern LOOSE_DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern LOOSE_MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DATE_WORD = Pattern.compile("\\d{1,4}|\\d{1,2}(?:[:.]\\d{2}){0,2}\\s*(?:am|pm)?|am|pm|a\\.m\\.?|p\\.m\\.?|uk|us|eu"
            + "|gmt|utc|z|bst|cet|cest|eet|eest|wet|west|est|edt|et|cst|cdt|ct|mst|mdt|mt|pst|pdt|pt|hkt|jst|ist|aest|aedt|sgt|kst|msk"
            + "|updated|published|posted|last|first|on|at|modified|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s()\\[\\],|\u2022\u00B7/:-]+");

    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("gmt", ZoneOffset.UTC), Map.entry("utc", ZoneOffset.UTC), Map.entry("z", ZoneOffset.UTC),
            Map.entry("bst", ZoneOffset.ofHours(1)), Map.entry("cet", ZoneOffset.ofHours(1)), Map.entry("cest", ZoneOffset.ofHours(2)),
            Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)), Map.entry("et", ZoneId.of("America/New_York")),
            Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)), Map.entry("ct", ZoneId.of("America/Chicago")),
            Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)), Map.entry("mt", ZoneId.of("America/Denver")),
            Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)), Map.entry("pt", ZoneId.of("America/Los_Angeles")));

    private DateLines() {
    }

    /** The date {@code line} is, when it is only a date; its time and zone when it gives them, else midnight UTC. */
    static Optional<Instant> read(String line) {
        if (line.length() > 120 || line.chars().noneMatch(Character::isDigit)) {
            return Optional.empty(); // a date line is short and has digits; most lines are paragraphs
        }
        String s = SPACES.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (s.length() > 80 || s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            return Optional.empty();
        }
        try {
            Matcher m = DAY_MONTH_YEAR.matcher(s);
            if (m.matches()) {
                return Optional.of(at(LocalDate.of(Integer.parseInt(m.group(7)), month(m.group(6)), Integer.parseInt(m.group(5))), m, 1, 8));
            }
            m = MONTH_DAY_YEAR.matcher(s);
            if (m.matches()) {
                return Optional.of(at(LocalDate.of(Integer.parseInt(m.group(7)), month(m.group(5)), Integer.parseInt(m.group(6))), m, 1, 8));
            }
            m = DOTTED.matcher(s);
            if (m.matches()) {
                return Optional.of(at(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), m, 4, 4));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                if (m.group(4) == null) {
                    return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                String zone = m.group(7);
                ZoneId id = zone == null ? ZoneOffset.UTC
                        : ZONES.containsKey(zone) ? ZONES.get(zone) : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
                return Optional.of(date.atTime(time).atZone(id).toInstant());
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty(); // "31 February", "25:00": not a date
        }
        return loose(s);
    }

    /**
     * A line holding one date among words that only dates carry ("Updated 1432 GMT (2232 HKT)
     * September 10, 2018"): the date is taken, at midnight UTC, when nothing but times, zones,
     * weekdays, "updated", "published" and punctuation is left beside it.
     */
    private static Optional<Instant> loose(String s) {
        Matcher day = LOOSE_DAY_MONTH_YEAR.matcher(s);
        Matcher month = LOOSE_MONTH_DAY_YEAR.matcher(s);
        LocalDate date;
        String rest;
        if (day.find()) {
            date = LocalDate.of(Integer.parseInt(day.group(3)), month(day.group(2)), Integer.parseInt(day.group(1)));
            rest = s.substring(0, day.start()) + " " + s.substring(day.end());
        } else if (month.find()) {
            date = LocalDate.of(Integer.parseInt(month.group(3)), month(month.group(1)), Integer.parseInt(month.group(2)));
            rest = s.substring(0, month.start()) + " " + s.substring(month.end());
        } else {
            return Optional.empty();
        }
        for (String word : WORD_SPLIT.split(rest)) {
            if (!word.isEmpty() && !DATE_WORD.matcher(word).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** {@code date} at the time in groups {@code before..before+3} or {@code after..after+3} of {@code m}, if any. */
    private static Instant at(LocalDate date, Matcher m, int before, int after) {
        int g = m.group(before) != null ? before : m.group(after) != null ? after : -1;
        if (g < 0) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        int hour = Integer.parseInt(m.group(g));
        int minute = m.group(g + 1) == null ? 0 : Integer.parseInt(m.group(g + 1));
        String half = m.group(g + 2);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("not a 12-hour time");
            }
            hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
        } else if (m.group(g + 1) == null) {
            throw new DateTimeException("a bare number is not a time");
        }
        ZoneId zone = m.group(g + 3) == null ? ZoneOffset.UTC : ZONES.get(m.group(g + 3));
        return date.atTime(hour, minute).atZone(zone).toInstant();
    }

    private static int month(String name) {
        String n = name.replace(".", "");
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (n.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new DateTimeException("not a month: " + name);
    }
}
