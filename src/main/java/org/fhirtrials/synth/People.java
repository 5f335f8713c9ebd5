package org.fhirtrials.synth;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * Made-up people (investigators, site contacts) with names in the style of the site's country,
 * reserved-range phone numbers ({@code 555-01xx} in North America) and {@code example.org} e-mail
 * addresses, so no generated contact detail reaches a real person.
 */
final class People {
  private record Names(List<String> given, List<String> family, boolean familyFirst) {}

  private static final Names ENGLISH =
      new Names(
          List.of(
              "James",
              "Mary",
              "Robert",
              "Patricia",
              "John",
              "Jennifer",
              "Michael",
              "Linda",
              "David",
              "Elizabeth",
              "William",
              "Susan",
              "Richard",
              "Jessica",
              "Thomas",
              "Sarah",
              "Daniel",
              "Karen",
              "Matthew",
              "Emily",
              "Andrew",
              "Rachel",
              "Kevin",
              "Laura",
              "Brian",
              "Amanda",
              "Priya",
              "Ahmed",
              "Olga",
              "Rajesh"),
          List.of(
              "Smith",
              "Johnson",
              "Williams",
              "Brown",
              "Jones",
              "Miller",
              "Davis",
              "Wilson",
              "Anderson",
              "Taylor",
              "Thomas",
              "Moore",
              "Martin",
              "Thompson",
              "White",
              "Harris",
              "Clark",
              "Lewis",
              "Walker",
              "Hall",
              "Young",
              "King",
              "Wright",
              "Scott",
              "Green",
              "Baker",
              "Adams",
              "Nelson",
              "Campbell",
              "Mitchell",
              "Patel",
              "Khan",
              "Cohen",
              "O'Brien",
              "Murphy",
              "Sullivan",
              "Kowalski",
              "Nguyen"),
          false);
  private static final Names CHINESE =
      new Names(
          List.of(
              "Wei",
              "Jing",
              "Li",
              "Hong",
              "Xiaoming",
              "Yan",
              "Jun",
              "Hui",
              "Lei",
              "Ying",
              "Tao",
              "Min",
              "Qiang",
              "Xin",
              "Zhiwei",
              "Yuqing",
              "Jianguo",
              "Lihua",
              "Hao",
              "Mei"),
          List.of(
              "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
              "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"),
          false);
  private static final Names KOREAN =
      new Names(
          List.of(
              "Min-jun",
              "Seo-yeon",
              "Ji-hoon",
              "Hye-jin",
              "Sung-min",
              "Ji-young",
              "Dong-hyun",
              "Eun-ji",
              "Jae-won",
              "So-yeon"),
          List.of("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"),
          false);
  private static final Names JAPANESE =
      new Names(
          List.of(
              "Hiroshi",
              "Yuki",
              "Takashi",
              "Akiko",
              "Kenji",
              "Naoko",
              "Satoshi",
              "Yoko",
              "Masahiro",
              "Keiko"),
          List.of(
              "Sato",
              "Suzuki",
              "Takahashi",
              "Tanaka",
              "Watanabe",
              "Ito",
              "Yamamoto",
              "Nakamura",
              "Kobayashi",
              "Kato"),
          false);
  private static final Names SPANISH =
      new Names(
          List.of(
              "José",
              "María",
              "Carlos",
              "Ana",
              "Javier",
              "Lucía",
              "Miguel",
              "Carmen",
              "Alejandro",
              "Isabel",
              "Pablo",
              "Elena"),
          List.of(
              "García",
              "Fernández",
              "González",
              "Rodríguez",
              "López",
              "Martínez",
              "Sánchez",
              "Pérez",
              "Gómez",
              "Díaz",
              "Torres",
              "Ruiz"),
          false);
  private static final Names FRENCH =
      new Names(
          List.of(
              "Jean",
              "Marie",
              "Pierre",
              "Sophie",
              "Nicolas",
              "Camille",
              "Julien",
              "Claire",
              "Antoine",
              "Isabelle"),
          List.of(
              "Martin",
              "Bernard",
              "Dubois",
              "Thomas",
              "Robert",
              "Richard",
              "Petit",
              "Durand",
              "Leroy",
              "Moreau",
              "Lefèvre",
              "Fournier"),
          false);
  private static final Names GERMAN =
      new Names(
          List.of(
              "Thomas", "Anna", "Michael", "Katrin", "Stefan", "Julia", "Andreas", "Sabine",
              "Markus", "Petra", "Lukas", "Jürgen"),
          List.of(
              "Müller",
              "Schmidt",
              "Schneider",
              "Fischer",
              "Weber",
              "Meyer",
              "Wagner",
              "Becker",
              "Schulz",
              "Hoffmann",
              "Koch",
              "Richter"),
          false);
  private static final Names ITALIAN =
      new Names(
          List.of(
              "Marco",
              "Giulia",
              "Luca",
              "Francesca",
              "Giuseppe",
              "Chiara",
              "Alessandro",
              "Sara",
              "Matteo",
              "Elena"),
          List.of(
              "Rossi",
              "Russo",
              "Ferrari",
              "Esposito",
              "Bianchi",
              "Romano",
              "Colombo",
              "Ricci",
              "Marino",
              "Greco"),
          false);

  private static final Map<String, Names> BY_COUNTRY =
      Map.ofEntries(
          Map.entry("China", CHINESE),
          Map.entry("Taiwan", CHINESE),
          Map.entry("Hong Kong", CHINESE),
          Map.entry("Singapore", CHINESE),
          Map.entry("Korea, Republic of", KOREAN),
          Map.entry("Japan", JAPANESE),
          Map.entry("Spain", SPANISH),
          Map.entry("Mexico", SPANISH),
          Map.entry("Argentina", SPANISH),
          Map.entry("Chile", SPANISH),
          Map.entry("Colombia", SPANISH),
          Map.entry("Peru", SPANISH),
          Map.entry("France", FRENCH),
          Map.entry("Belgium", FRENCH),
          Map.entry("Germany", GERMAN),
          Map.entry("Austria", GERMAN),
          Map.entry("Switzerland", GERMAN),
          Map.entry("Italy", ITALIAN));

  private static final int MAX_SLUG = 40;

  private static final List<String> DEGREES = List.of("MD", "MD, PhD", "PhD", "MD, MPH", "DO");

  private People() {}

  /** A person's name as the registry shows it, e.g. {@code "Laura Nelson, MD"} or bare. */
  static String name(String country, Rng rng, boolean withDegree) {
    Names names = BY_COUNTRY.getOrDefault(country, ENGLISH);
    String given = rng.pick(names.given());
    String family = rng.pick(names.family());
    String middle =
        names == ENGLISH && rng.chance(0.3) ? " " + (char) ('A' + rng.nextInt(26)) + "." : "";
    String name = given + middle + " " + family;
    return withDegree ? name + ", " + rng.pick(DEGREES) : name;
  }

  /** A phone number in a reserved/fictional range, formatted the way the country writes it. */
  static String phone(String country, Rng rng) {
    int line = rng.between(100, 199);
    return switch (country) {
      case "United States", "Canada" -> rng.between(201, 989) + "-555-0" + line;
      case "United Kingdom" -> "+44 20 7946 0" + line;
      case "France" -> "+33 1 99 00 " + line / 10 + " " + (10 + line % 90);
      case "Germany" -> "+49 30 555 " + rng.between(1000, 9999);
      case "Australia" -> "+61 2 5550 " + rng.between(1000, 9999);
      default -> {
        String code = countryCallingCode(country);
        String local = "555 " + rng.between(100000, 999999);
        yield code == null ? local : "+" + code + " " + local;
      }
    };
  }

  /** An e-mail address under {@code example.org} built from the person's name. */
  static String email(String personName, String domainHint) {
    return slug(stripDegree(personName), ".") + "@" + slug(domainHint, "-") + ".example.org";
  }

  private static String stripDegree(String name) {
    int comma = name.indexOf(',');
    return comma < 0 ? name : name.substring(0, comma);
  }

  /**
   * Lower-case ASCII letters and digits, runs of anything else replaced by one {@code sep}, at most
   * 40 characters; accents are dropped. Hand-written: it runs for every contact.
   */
  static String slug(String text, String sep) {
    String ascii = text;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 127) {
        ascii = Normalizer.normalize(text, Normalizer.Form.NFD);
        break;
      }
    }
    StringBuilder sb = new StringBuilder(ascii.length());
    boolean pendingSep = false;
    for (int i = 0; i < ascii.length() && sb.length() < MAX_SLUG; i++) {
      char c = Character.toLowerCase(ascii.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingSep && sb.length() > 0) {
          sb.append(sep);
        }
        pendingSep = false;
        sb.append(c);
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        pendingSep = true;
      }
    }
    return sb.length() > MAX_SLUG ? sb.substring(0, MAX_SLUG) : sb.toString();
  }

  /** The calling code of the countries with many sites; null for the rest (local format). */
  private static String countryCallingCode(String country) {
    return switch (country) {
      case "China" -> "86";
      case "Japan" -> "81";
      case "Korea, Republic of" -> "82";
      case "Taiwan" -> "886";
      case "Hong Kong" -> "852";
      case "Italy" -> "39";
      case "Spain" -> "34";
      case "Netherlands" -> "31";
      case "Belgium" -> "32";
      case "Switzerland" -> "41";
      case "Egypt" -> "20";
      case "Turkey" -> "90";
      case "India" -> "91";
      case "Brazil" -> "55";
      case "Israel" -> "972";
      default -> null;
    };
  }
}
