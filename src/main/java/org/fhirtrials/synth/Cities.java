package org.fhirtrials.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built-in table of real cities where trial sites are, world-wide, with the share of trials each
 * country hosts (roughly as in the registry: the United States first, then China and Europe).
 */
final class Cities {
  // name|state|country|lat|lon; an empty state means the registry usually omits it.
  private static final String TABLE =
      """
      Boston|Massachusetts|United States|42.35843|-71.05977
      New York|New York|United States|40.71427|-74.00597
      Philadelphia|Pennsylvania|United States|39.95233|-75.16379
      Baltimore|Maryland|United States|39.29038|-76.61219
      Bethesda|Maryland|United States|38.98067|-77.10026
      Washington|District of Columbia|United States|38.89511|-77.03637
      Pittsburgh|Pennsylvania|United States|40.44062|-79.99589
      Hershey|Pennsylvania|United States|40.28592|-76.65025
      Cleveland|Ohio|United States|41.4995|-81.69541
      Columbus|Ohio|United States|39.96118|-82.99879
      Cincinnati|Ohio|United States|39.12711|-84.51439
      Detroit|Michigan|United States|42.33143|-83.04575
      Ann Arbor|Michigan|United States|42.27756|-83.74088
      Chicago|Illinois|United States|41.85003|-87.65005
      Indianapolis|Indiana|United States|39.76838|-86.15804
      Minneapolis|Minnesota|United States|44.97997|-93.26384
      Rochester|Minnesota|United States|44.02163|-92.4699
      Milwaukee|Wisconsin|United States|43.0389|-87.90647
      Madison|Wisconsin|United States|43.07305|-89.40123
      Saint Louis|Missouri|United States|38.62727|-90.19789
      Kansas City|Missouri|United States|39.09973|-94.57857
      Nashville|Tennessee|United States|36.16589|-86.78444
      Atlanta|Georgia|United States|33.749|-84.38798
      Durham|North Carolina|United States|35.99403|-78.89862
      Chapel Hill|North Carolina|United States|35.9132|-79.05584
      Charlotte|North Carolina|United States|35.22709|-80.84313
      Miami|Florida|United States|25.77427|-80.19366
      Tampa|Florida|United States|27.94752|-82.45843
      Gainesville|Florida|United States|29.65163|-82.32483
      Jacksonville|Florida|United States|30.33218|-81.65565
      Houston|Texas|United States|29.76328|-95.36327
      Dallas|Texas|United States|32.78306|-96.80667
      San Antonio|Texas|United States|29.42412|-98.49363
      Austin|Texas|United States|30.26715|-97.74306
      New Orleans|Louisiana|United States|29.95465|-90.07507
      Denver|Colorado|United States|39.73915|-104.9847
      Aurora|Colorado|United States|39.72943|-104.83192
      Salt Lake City|Utah|United States|40.76078|-111.89105
      Phoenix|Arizona|United States|33.44838|-112.07404
      Scottsdale|Arizona|United States|33.50921|-111.89903
      Los Angeles|California|United States|34.05223|-118.24368
      San Diego|California|United States|32.71571|-117.16472
      La Jolla|California|United States|32.84727|-117.2742
      San Francisco|California|United States|37.77493|-122.41942
      Stanford|California|United States|37.42411|-122.16608
      Sacramento|California|United States|38.58157|-121.4944
      Seattle|Washington|United States|47.60621|-122.33207
      Portland|Oregon|United States|45.52345|-122.67621
      Omaha|Nebraska|United States|41.25626|-95.94043
      Iowa City|Iowa|United States|41.66113|-91.53017
      Birmingham|Alabama|United States|33.52066|-86.80249
      Charleston|South Carolina|United States|32.77657|-79.93092
      Richmond|Virginia|United States|37.55376|-77.46026
      New Haven|Connecticut|United States|41.30815|-72.92816
      Providence|Rhode Island|United States|41.82399|-71.41283
      Anchorage|Alaska|United States|61.21806|-149.90028
      Honolulu|Hawaii|United States|21.30694|-157.85833
      Albuquerque|New Mexico|United States|35.08449|-106.65114
      Las Vegas|Nevada|United States|36.17497|-115.13722
      Louisville|Kentucky|United States|38.25424|-85.75941
      Oklahoma City|Oklahoma|United States|35.46756|-97.51643
      Little Rock|Arkansas|United States|34.74648|-92.28959
      Hackensack|New Jersey|United States|40.88593|-74.04347
      Buffalo|New York|United States|42.88645|-78.87837
      Toronto|Ontario|Canada|43.70011|-79.4163
      Montreal|Quebec|Canada|45.50884|-73.58781
      Vancouver|British Columbia|Canada|49.24966|-123.11934
      Calgary|Alberta|Canada|51.05011|-114.08529
      Edmonton|Alberta|Canada|53.55014|-113.46871
      Ottawa|Ontario|Canada|45.41117|-75.69812
      Hamilton|Ontario|Canada|43.25011|-79.84963
      Halifax|Nova Scotia|Canada|44.64533|-63.57239
      Winnipeg|Manitoba|Canada|49.8844|-97.14704
      Mexico City||Mexico|19.42847|-99.12766
      Monterrey|Nuevo León|Mexico|25.67507|-100.31847
      Guadalajara|Jalisco|Mexico|20.66682|-103.39182
      São Paulo|SP|Brazil|-23.5475|-46.63611
      Rio de Janeiro|RJ|Brazil|-22.90642|-43.18223
      Porto Alegre|RS|Brazil|-30.03306|-51.23
      Barretos|SP|Brazil|-20.55722|-48.56778
      Curitiba|PR|Brazil|-25.42778|-49.27306
      Buenos Aires||Argentina|-34.61315|-58.37723
      Córdoba||Argentina|-31.4135|-64.18105
      Santiago||Chile|-33.45694|-70.64827
      Bogotá||Colombia|4.60971|-74.08175
      Lima||Peru|-12.04318|-77.02824
      London||United Kingdom|51.50853|-0.12574
      Manchester||United Kingdom|53.48095|-2.23743
      Birmingham||United Kingdom|52.48142|-1.89983
      Oxford||United Kingdom|51.75222|-1.25596
      Cambridge||United Kingdom|52.2|0.11667
      Glasgow||United Kingdom|55.86515|-4.25763
      Edinburgh||United Kingdom|55.95206|-3.19648
      Leeds||United Kingdom|53.79648|-1.54785
      Newcastle upon Tyne||United Kingdom|54.97328|-1.61396
      Dublin||Ireland|53.33306|-6.24889
      Paris||France|48.85341|2.3488
      Lyon||France|45.74846|4.84671
      Marseille||France|43.29695|5.38107
      Toulouse||France|43.60426|1.44367
      Bordeaux||France|44.84044|-0.5805
      Lille||France|50.63297|3.05858
      Villejuif||France|48.7939|2.35992
      Nantes||France|47.21725|-1.55336
      Strasbourg||France|48.58392|7.74553
      Montpellier||France|43.61093|3.87635
      Berlin||Germany|52.52437|13.41053
      München||Germany|48.13743|11.57549
      Hamburg||Germany|53.57532|10.01534
      Heidelberg||Germany|49.40768|8.69079
      Frankfurt am Main||Germany|50.11552|8.68417
      Köln||Germany|50.93333|6.95
      Dresden||Germany|51.05089|13.73832
      Essen||Germany|51.45657|7.01228
      Hannover||Germany|52.37052|9.73322
      Leipzig||Germany|51.33962|12.37129
      Mainz||Germany|49.98419|8.2791
      Tübingen||Germany|48.52266|9.05222
      Milan||Italy|45.46427|9.18951
      Rome||Italy|41.89193|12.51133
      Naples||Italy|40.85216|14.26811
      Bologna||Italy|44.49381|11.33875
      Torino||Italy|45.07049|7.68682
      Florence||Italy|43.77925|11.24626
      Padova||Italy|45.40797|11.88586
      Genova||Italy|44.40478|8.94439
      Madrid||Spain|40.4165|-3.70256
      Barcelona||Spain|41.38879|2.15899
      Valencia||Spain|39.46975|-0.37739
      Sevilla||Spain|37.38283|-5.97317
      Pamplona||Spain|42.81687|-1.64323
      Salamanca||Spain|40.96882|-5.66388
      Amsterdam||Netherlands|52.37403|4.88969
      Rotterdam||Netherlands|51.9225|4.47917
      Utrecht||Netherlands|52.09083|5.12222
      Leiden||Netherlands|52.15833|4.49306
      Nijmegen||Netherlands|51.8425|5.85278
      Groningen||Netherlands|53.21917|6.56667
      Brussels||Belgium|50.85045|4.34878
      Leuven||Belgium|50.87959|4.70093
      Gent||Belgium|51.05|3.71667
      Antwerp||Belgium|51.21989|4.40346
      Zürich||Switzerland|47.36667|8.55
      Geneva||Switzerland|46.20222|6.14569
      Bern||Switzerland|46.94809|7.44744
      Basel||Switzerland|47.55839|7.57327
      Lausanne||Switzerland|46.516|6.63282
      Vienna||Austria|48.20849|16.37208
      Innsbruck||Austria|47.26266|11.39454
      Graz||Austria|47.06667|15.45
      Stockholm||Sweden|59.32938|18.06871
      Gothenburg||Sweden|57.70716|11.96679
      Lund||Sweden|55.70584|13.19321
      Uppsala||Sweden|59.85882|17.63889
      Oslo||Norway|59.91273|10.74609
      Bergen||Norway|60.39299|5.32415
      Copenhagen||Denmark|55.67594|12.56553
      Aarhus||Denmark|56.15674|10.21076
      Helsinki||Finland|60.16952|24.93545
      Warsaw||Poland|52.22977|21.01178
      Kraków||Poland|50.06143|19.93658
      Gdańsk||Poland|54.35205|18.64637
      Prague||Czechia|50.08804|14.42076
      Brno||Czechia|49.19522|16.60796
      Budapest||Hungary|47.49835|19.04045
      Bucharest||Romania|44.43225|26.10626
      Athens||Greece|37.98376|23.72784
      Lisbon||Portugal|38.71667|-9.13333
      Porto||Portugal|41.14961|-8.61099
      Istanbul||Turkey|41.01384|28.94966
      Ankara||Turkey|39.91987|32.85427
      Tel Aviv||Israel|32.08088|34.78057
      Jerusalem||Israel|31.76904|35.21633
      Haifa||Israel|32.81841|34.9885
      Moscow||Russian Federation|55.75222|37.61556
      Saint Petersburg||Russian Federation|59.93863|30.31413
      Cairo||Egypt|30.06263|31.24967
      Johannesburg|Gauteng|South Africa|-26.20227|28.04363
      Cape Town|Western Cape|South Africa|-33.92584|18.42322
      Nairobi||Kenya|-1.28333|36.81667
      Lagos||Nigeria|6.45407|3.39467
      Kampala||Uganda|0.31628|32.58219
      Beijing|Beijing|China|39.9075|116.39723
      Shanghai|Shanghai|China|31.22222|121.45806
      Guangzhou|Guangdong|China|23.11667|113.25
      Shenzhen|Guangdong|China|22.54554|114.0683
      Chengdu|Sichuan|China|30.66667|104.06667
      Wuhan|Hubei|China|30.58333|114.26667
      Hangzhou|Zhejiang|China|30.29365|120.16142
      Nanjing|Jiangsu|China|32.06167|118.77778
      Tianjin|Tianjin|China|39.14222|117.17667
      Xi'an|Shaanxi|China|34.25833|108.92861
      Changsha|Hunan|China|28.19874|112.97087
      Chongqing|Chongqing|China|29.56278|106.55278
      Harbin|Heilongjiang|China|45.75|126.65
      Changchun|Jilin|China|43.88|125.32278
      Shenyang|Liaoning|China|41.79222|123.43278
      Jinan|Shandong|China|36.66833|116.99722
      Zhengzhou|Henan|China|34.75778|113.64861
      Fuzhou|Fujian|China|26.06139|119.30611
      Hefei|Anhui|China|31.86389|117.28083
      Kunming|Yunnan|China|25.03889|102.71833
      Nanning|Guangxi|China|22.81667|108.31667
      Hong Kong||Hong Kong|22.27832|114.17469
      Taipei||Taiwan|25.04776|121.53185
      Taichung||Taiwan|24.1469|120.6839
      Kaohsiung||Taiwan|22.61626|120.31333
      Tainan||Taiwan|22.99083|120.21333
      Tokyo||Japan|35.6895|139.69171
      Osaka||Japan|34.69374|135.50218
      Nagoya||Japan|35.18147|136.90641
      Kyoto||Japan|35.02107|135.75385
      Fukuoka||Japan|33.6|130.41667
      Sapporo||Japan|43.06667|141.35
      Sendai||Japan|38.26667|140.86667
      Kashiwa||Japan|35.86224|139.97732
      Yokohama||Japan|35.44778|139.6425
      Seoul||Korea, Republic of|37.566|126.9784
      Busan||Korea, Republic of|35.10168|129.03004
      Incheon||Korea, Republic of|37.45646|126.70515
      Daegu||Korea, Republic of|35.87028|128.59111
      Seongnam||Korea, Republic of|37.43861|127.13778
      Goyang||Korea, Republic of|37.65639|126.835
      Gwangju||Korea, Republic of|35.15472|126.91556
      Suwon||Korea, Republic of|37.29111|127.00889
      Singapore||Singapore|1.28967|103.85007
      Bangkok||Thailand|13.75398|100.50144
      Kuala Lumpur||Malaysia|3.1412|101.68653
      Hanoi||Vietnam|21.0245|105.84117
      Ho Chi Minh City||Vietnam|10.82302|106.62965
      Manila||Philippines|14.6042|120.9822
      Jakarta||Indonesia|-6.21462|106.84513
      New Delhi|Delhi|India|28.63576|77.22445
      Mumbai|Maharashtra|India|19.07283|72.88261
      Bengaluru|Karnataka|India|12.97194|77.59369
      Chennai|Tamil Nadu|India|13.08784|80.27847
      Hyderabad|Telangana|India|17.38405|78.45636
      Kolkata|West Bengal|India|22.56263|88.36304
      Pune|Maharashtra|India|18.51957|73.85535
      Karachi||Pakistan|24.8608|67.0104
      Lahore||Pakistan|31.558|74.35071
      Tehran||Iran, Islamic Republic of|35.69439|51.42151
      Riyadh||Saudi Arabia|24.68773|46.72185
      Dubai||United Arab Emirates|25.07725|55.30927
      Sydney|New South Wales|Australia|-33.86785|151.20732
      Melbourne|Victoria|Australia|-37.814|144.96332
      Brisbane|Queensland|Australia|-27.46794|153.02809
      Perth|Western Australia|Australia|-31.95224|115.8614
      Adelaide|South Australia|Australia|-34.92866|138.59863
      Auckland||New Zealand|-36.84853|174.76349
      Christchurch||New Zealand|-43.53333|172.63333
      """;

  // Relative share of sites per country; the rest get DEFAULT_COUNTRY_WEIGHT.
  private static final Map<String, Double> COUNTRY_WEIGHTS =
      Map.ofEntries(
          Map.entry("United States", 34.0),
          Map.entry("China", 11.0),
          Map.entry("France", 5.0),
          Map.entry("Germany", 4.0),
          Map.entry("United Kingdom", 4.0),
          Map.entry("Canada", 3.0),
          Map.entry("Korea, Republic of", 3.0),
          Map.entry("Japan", 3.0),
          Map.entry("Italy", 3.0),
          Map.entry("Spain", 3.0),
          Map.entry("Egypt", 3.0),
          Map.entry("Turkey", 2.0),
          Map.entry("Netherlands", 2.0),
          Map.entry("Taiwan", 1.5),
          Map.entry("Australia", 1.5),
          Map.entry("Belgium", 1.5),
          Map.entry("Brazil", 1.5),
          Map.entry("India", 1.5),
          Map.entry("Israel", 1.5),
          Map.entry("Denmark", 1.5),
          Map.entry("Switzerland", 1.0),
          Map.entry("Poland", 1.0),
          Map.entry("Sweden", 1.0));

  private static final double DEFAULT_COUNTRY_WEIGHT = 0.4;

  static final List<City> ALL = parse();
  private static final Map<String, List<City>> BY_COUNTRY = byCountry(ALL);
  private static final Weighted<String> COUNTRIES = countryTable();

  private Cities() {}

  /** A country drawn with the registry-like weights. */
  static String country(Rng rng) {
    return COUNTRIES.draw(rng);
  }

  /** A city of the given country (uniform over the table's cities there). */
  static City in(String country, Rng rng) {
    return rng.pick(BY_COUNTRY.get(country));
  }

  /** Every country in the table, in first-appearance order. */
  static List<String> countries() {
    return List.copyOf(BY_COUNTRY.keySet());
  }

  private static List<City> parse() {
    List<City> cities = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      if (f.length != 5) {
        throw new IllegalStateException("bad city row: " + line);
      }
      cities.add(
          new City(
              f[0],
              f[1].isEmpty() ? null : f[1],
              f[2],
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              f[3],
              f[4]));
    }
    return List.copyOf(cities);
  }

  private static Map<String, List<City>> byCountry(List<City> cities) {
    Map<String, List<City>> map = new LinkedHashMap<>();
    for (City c : cities) {
      map.computeIfAbsent(c.country(), k -> new ArrayList<>()).add(c);
    }
    return map;
  }

  private static Weighted<String> countryTable() {
    Weighted.Builder<String> b = Weighted.builder();
    for (String country : BY_COUNTRY.keySet()) {
      b.add(COUNTRY_WEIGHTS.getOrDefault(country, DEFAULT_COUNTRY_WEIGHT), country);
    }
    return b.build();
  }
}
