package io.trinity.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * People as the seeds' markets write them: names drawn with the skew real name frequencies have (a few very common
 * names — Chen, Wang, García, Müller, Hansen — and a long tail), postal addresses in each country's form, phones in
 * national notation, e-mail addresses built from the name, some birth dates and loyalty numbers, and households
 * (people sharing an address and a surname, sometimes a landline). Plain Java, deterministic for a seed. The demo
 * and the duplicate-detection benchmark draw from it; {@link DuplicateMaker} turns some of them into the messy
 * second, third record a CRM really collects.
 */
public final class SyntheticPeople {

    /** One generated record. {@code entity} is the truth: records of one person share it. */
    public record Person(long entity, String externalId, @Nullable String first, @Nullable String last,
            @Nullable String email, @Nullable String phone, @Nullable String loyalty, @Nullable LocalDate birthDate,
            @Nullable String street, @Nullable String postalCode, @Nullable String city, @Nullable String region,
            String country, String locale) {

        Person with(String externalId, @Nullable String first, @Nullable String last, @Nullable String email,
                @Nullable String phone, @Nullable String loyalty, @Nullable LocalDate birthDate,
                @Nullable String street, @Nullable String postalCode, @Nullable String city,
                @Nullable String region) {
            return new Person(entity, externalId, first, last, email, phone, loyalty, birthDate, street, postalCode,
                    city, region, country, locale);
        }
    }

    /** A market: its names, places and how it writes phones and postal codes. */
    record Market(String country, String locale, double share, String[] first, String[] last, String[][] places,
            String[] streets, String phonePrefix, int phoneDigits, String[] domains) {
    }

    /** City, region, first digits of its postal codes. */
    private static final Market US = new Market("US", "en-US", 0.35,
            new String[] {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
                "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
                "Christopher", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Margaret", "Mark", "Betty",
                "Steven", "Sandra", "Andrew", "Ashley", "Joshua", "Emily", "Kevin", "Donna", "Brian", "Michelle",
                "Edward", "Carol", "Ronald", "Amanda", "Timothy", "Melissa", "Jason", "Deborah", "Jeffrey",
                "Stephanie", "Ryan", "Rebecca", "Jacob", "Laura", "Gary", "Helen", "Nicholas", "Sharon", "Eric",
                "Cynthia", "Jonathan", "Kathleen", "Larry", "Amy", "Justin", "Shirley", "Scott", "Angela",
                "Brandon", "Anna", "Benjamin", "Ruth", "Samuel", "Brenda", "Gregory", "Pamela", "Alexander",
                "Nicole", "Patrick", "Katherine", "Frank", "Samantha", "Raymond", "Christine", "Jack", "Emma",
                "Dennis", "Catherine", "Jerry", "Debra", "Tyler", "Virginia", "Aaron", "Rachel", "Jose", "Carolyn",
                "Adam", "Janet", "Nathan", "Maria", "Henry", "Olivia", "Zachary", "Heather", "Douglas", "Diane",
                "Peter", "Julie", "Kyle", "Joyce", "Noah", "Victoria", "Ethan", "Kelly", "Jeremy", "Christina",
                "Walter", "Lauren", "Christian", "Joan", "Keith", "Evelyn", "Roger", "Judith", "Terry", "Megan",
                "Austin", "Andrea", "Sean", "Cheryl", "Gerald", "Hannah", "Carl", "Jacqueline", "Harold", "Martha",
                "Dylan", "Madison", "Arthur", "Teresa", "Lawrence", "Gloria", "Jordan", "Sara", "Jesse", "Janice",
                "Bryan", "Ann", "Billy", "Kathryn", "Bruce", "Abigail", "Gabriel", "Sophia", "Joe", "Frances",
                "Logan", "Jean", "Alan", "Alice", "Juan", "Judy", "Albert", "Isabella", "Willie", "Julia", "Elijah",
                "Grace", "Wayne", "Amber", "Randy", "Denise", "Vincent", "Danielle", "Mason", "Marilyn", "Roy",
                "Beverly", "Ralph", "Charlotte", "Bobby", "Natalie", "Russell", "Theresa", "Bradley", "Diana",
                "Philip", "Brittany", "Eugene", "Doris", "Louis", "Kayla", "Harry", "Alexis", "Howard", "Lori"},
            new String[] {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
                "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
                "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
                "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
                "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell",
                "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards",
                "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez",
                "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox",
                "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza",
                "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross",
                "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman",
                "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan",
                "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West",
                "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens",
                "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods",
                "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman",
                "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw",
                "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black",
                "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
                "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan",
                "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez",
                "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan",
                "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray", "Delgado", "Berry",
                "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis", "Carpenter",
                "Lawrence", "Sandoval", "O'Brien", "Walsh", "O'Connor", "McCarthy"},
            new String[][] {{"Seattle", "WA", "981"}, {"Tacoma", "WA", "984"}, {"Spokane", "WA", "992"},
                {"Portland", "OR", "972"}, {"Denver", "CO", "802"}, {"Boulder", "CO", "803"},
                {"Salt Lake City", "UT", "841"}, {"San Francisco", "CA", "941"}, {"Los Angeles", "CA", "900"},
                {"Chicago", "IL", "606"}, {"New York", "NY", "100"}, {"Boston", "MA", "021"}, {"Austin", "TX", "787"},
                {"Minneapolis", "MN", "554"}, {"Phoenix", "AZ", "850"}},
            new String[] {"Main St", "Oak Ave", "Maple St", "Cedar Rd", "Pine St", "Elm St", "Washington Ave",
                "Lake Dr", "Hill Rd", "Park Ave", "2nd St", "3rd Ave", "Lincoln Blvd", "Sunset Blvd", "River Rd",
                "Forest Ln", "Madison Ave", "Jefferson St", "Highland Ave", "Spring St", "Broadway", "Church St",
                "Willow Ln", "Meadow Dr", "Ridge Rd", "Valley View Dr", "Franklin St", "Chestnut St", "Walnut St",
                "Mill Rd"},
            "+1", 10, new String[] {"gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "aol.com"});

    private static final Market DE = new Market("DE", "de-DE", 0.20,
            new String[] {"Maximilian", "Sophie", "Alexander", "Marie", "Paul", "Sophia", "Elias", "Maria", "Ben",
                "Emilia", "Noah", "Emma", "Leon", "Hannah", "Louis", "Anna", "Jonas", "Mia", "Felix", "Lena", "Lukas",
                "Lea", "Finn", "Laura", "Jan", "Julia", "Tim", "Katharina", "Niklas", "Sarah", "Thomas", "Sabine",
                "Michael", "Petra", "Andreas", "Claudia", "Stefan", "Andrea", "Christian", "Nicole", "Markus",
                "Stefanie", "Wolfgang", "Ursula", "Jürgen", "Monika", "Klaus", "Renate", "Uwe", "Birgit", "Frank",
                "Karin", "Dieter", "Gabriele", "Matthias", "Susanne", "Tobias", "Christina", "Sebastian", "Jana",
                "Florian", "Franziska", "Johannes", "Johanna", "Moritz", "Clara", "Jakob", "Charlotte", "Karl",
                "Greta", "Friedrich", "Ingrid", "Günter", "Helga", "Horst", "Jutta", "Manfred", "Brigitte", "Bernd",
                "Heike", "Jörg", "Anke", "Sven", "Silke", "Björn", "Kerstin", "Oliver", "Tanja", "Dirk", "Martina"},
            new String[] {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
                "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
                "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler",
                "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz",
                "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank",
                "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon",
                "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger",
                "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte",
                "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas",
                "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer"},
            new String[][] {{"Berlin", "Berlin", "10"}, {"Hamburg", "Hamburg", "20"}, {"München", "Bayern", "80"},
                {"Köln", "Nordrhein-Westfalen", "50"}, {"Frankfurt am Main", "Hessen", "60"},
                {"Stuttgart", "Baden-Württemberg", "70"}, {"Düsseldorf", "Nordrhein-Westfalen", "40"},
                {"Leipzig", "Sachsen", "04"}, {"Dresden", "Sachsen", "01"}, {"Hannover", "Niedersachsen", "30"},
                {"Nürnberg", "Bayern", "90"}, {"Freiburg im Breisgau", "Baden-Württemberg", "79"}},
            new String[] {"Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße",
                "Bergstraße", "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße",
                "Schillerstraße", "Goethestraße", "Mühlenweg", "Wiesenweg", "Am Sportplatz", "Feldstraße",
                "Friedhofstraße", "Rosenstraße", "Mozartstraße", "Beethovenstraße", "Uhlandstraße",
                "Lessingstraße", "Eichendorffstraße", "Kastanienallee", "Parkstraße", "Talstraße", "Sonnenweg",
                "Am Markt", "Poststraße"},
            "+49", 11, new String[] {"gmx.de", "web.de", "t-online.de", "gmail.com", "freenet.de", "posteo.de"});

    private static final Market NO = new Market("NO", "nb-NO", 0.15,
            new String[] {"Jan", "Anne", "Per", "Inger", "Bjørn", "Kari", "Ole", "Marit", "Lars", "Ingrid", "Kjell",
                "Liv", "Knut", "Eva", "Arne", "Berit", "Svein", "Astrid", "Thomas", "Bjørg", "Hans", "Hilde",
                "Geir", "Anna", "Tor", "Solveig", "Morten", "Marianne", "Terje", "Randi", "Odd", "Ida", "Erik",
                "Nina", "Martin", "Ragnhild", "Andreas", "Elisabeth", "Rune", "Kristin", "John", "Bente", "Trond",
                "Heidi", "Anders", "Silje", "Jon", "Tone", "Kristian", "Hanne", "Magnus", "Ingeborg", "Espen",
                "Åse", "Sindre", "Sigrid", "Håkon", "Torill", "Øyvind", "Gunn", "Jørgen", "Mona", "Henrik",
                "Camilla", "Eirik", "Nora", "Olav", "Emma", "Sander", "Thea", "Jonas", "Ingvild", "Aksel", "Maja"},
            new String[] {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
                "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen",
                "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen",
                "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen",
                "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen",
                "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Kristensen", "Fredriksen",
                "Holm", "Lien", "Hauge", "Christensen", "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther",
                "Aas", "Myhre", "Hanssen", "Ødegård", "Aasen", "Haugland", "Thomassen", "Sandvik", "Tangen",
                "Ødegaard", "Brekke", "Våge", "Østby", "Løken", "Fjeld", "Rønning", "Grønvold"},
            new String[][] {{"Oslo", "Oslo", "0"}, {"Bergen", "Vestland", "5"}, {"Trondheim", "Trøndelag", "7"},
                {"Stavanger", "Rogaland", "40"}, {"Tromsø", "Troms", "90"}, {"Drammen", "Buskerud", "30"},
                {"Kristiansand", "Agder", "46"}, {"Fredrikstad", "Østfold", "16"}, {"Bodø", "Nordland", "80"},
                {"Lillehammer", "Innlandet", "26"}},
            new String[] {"Storgata", "Kirkegata", "Skolegata", "Parkveien", "Strandgata", "Kongens gate",
                "Dronningens gate", "Bjørkeveien", "Granveien", "Furuveien", "Solveien", "Nordre gate",
                "Søndre gate", "Torggata", "Havnegata", "Fjellveien", "Bakkeveien", "Åsveien", "Eikeveien",
                "Lindeveien", "Markveien", "Grønland", "Thorvald Meyers gate", "Bogstadveien", "Ullevålsveien",
                "Trondheimsveien", "Sandakerveien", "Kjelsåsveien", "Holmenkollveien", "Sognsveien"},
            "+47", 8, new String[] {"gmail.com", "online.no", "hotmail.com", "outlook.com", "live.no", "icloud.com"});

    private static final Market ES = new Market("ES", "es-ES", 0.15,
            new String[] {"Antonio", "María", "Manuel", "Carmen", "José", "Ana", "Francisco", "Isabel", "David",
                "Laura", "Juan", "Cristina", "Javier", "Marta", "Daniel", "Lucía", "Carlos", "Dolores", "Jesús",
                "Pilar", "Alejandro", "Paula", "Miguel", "Elena", "Rafael", "Sara", "Pedro", "Mercedes", "Pablo",
                "Rosa", "Ángel", "Raquel", "Sergio", "Rosario", "Fernando", "Teresa", "Jorge", "Andrea", "Luis",
                "Concepción", "Alberto", "Silvia", "Álvaro", "Irene", "Adrián", "Patricia", "Diego", "Alba",
                "Raúl", "Beatriz", "Enrique", "Nuria", "Ramón", "Julia", "Vicente", "Claudia", "Iván", "Sofía",
                "Rubén", "Inés", "Óscar", "Noelia", "Andrés", "Montserrat", "Joaquín", "Lorena", "Santiago",
                "Ainhoa", "Eduardo", "Marina", "Víctor", "Guadalupe", "Roberto", "Nerea", "Jaime", "Alicia",
                "Ignacio", "Aurora", "Marcos", "Encarnación", "Alfonso", "Eva", "Salvador", "Victoria"},
            new String[] {"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
                "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero",
                "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez",
                "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio",
                "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano",
                "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez",
                "Herrera", "Peña", "Flores", "Cabrera", "Campos", "Vega", "Fuentes", "Carrasco", "Diez", "Caballero",
                "Reyes", "Nieto", "Aguilar", "Pascual", "Santana", "Herrero", "Lorenzo", "Montero", "Hidalgo",
                "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago", "Benítez", "Mora", "Vicente", "Vargas", "Arias",
                "Carmona", "Crespo", "Román", "Pastor", "Soto", "Sáez", "Velasco", "Moya", "Soler", "Parra",
                "Esteban", "Bravo", "Gallardo", "Rojas"},
            new String[][] {{"Madrid", "Comunidad de Madrid", "28"}, {"Barcelona", "Cataluña", "08"},
                {"Valencia", "Comunidad Valenciana", "46"}, {"Sevilla", "Andalucía", "41"},
                {"Zaragoza", "Aragón", "50"}, {"Málaga", "Andalucía", "29"}, {"Bilbao", "País Vasco", "48"},
                {"Palma", "Islas Baleares", "07"}, {"Granada", "Andalucía", "18"}, {"A Coruña", "Galicia", "15"}},
            new String[] {"Calle Mayor", "Calle Real", "Avenida de la Constitución", "Calle de Alcalá",
                "Gran Vía", "Calle del Sol", "Plaza de España", "Calle Nueva", "Calle de la Iglesia",
                "Avenida de Andalucía", "Calle San José", "Calle de Serrano", "Paseo de Gracia",
                "Calle de Atocha", "Calle Luna", "Calle del Carmen", "Avenida Diagonal", "Calle de Valencia",
                "Calle Ancha", "Calle Cervantes", "Calle de Goya", "Calle Colón", "Calle Alfonso XIII",
                "Rambla de Catalunya", "Calle de la Paz", "Calle Princesa", "Calle Toledo", "Calle Velázquez",
                "Calle Castilla", "Calle Santa Ana"},
            "+34", 9, new String[] {"gmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"});

    private static final Market CN = new Market("CN", "zh-CN", 0.15,
            new String[] {"Wei", "Fang", "Jing", "Li", "Min", "Jie", "Lei", "Jun", "Yang", "Yan", "Yong", "Tao",
                "Hui", "Ming", "Chao", "Xiu Ying", "Gang", "Ping", "Hua", "Xin", "Hong", "Lin", "Qiang", "Na",
                "Bin", "Ying", "Hao", "Mei", "Yu", "Xiaoming", "Xiaohong", "Zhiwei", "Jianhua", "Lijuan", "Haiyan",
                "Guoqiang", "Yufei", "Zihan", "Yuxuan", "Haoran", "Yichen", "Ruoxi", "Zimo", "Xinyi", "Jiahao",
                "Shuang", "Lan", "Kai", "Peng", "Rui"},
            new String[] {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
                "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
                "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Yuan", "Pan", "Yu", "Jiang", "Cai",
                "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Fu"},
            new String[][] {{"Shanghai", "Shanghai", "200"}, {"Beijing", "Beijing", "100"},
                {"Shenzhen", "Guangdong", "518"}, {"Guangzhou", "Guangdong", "510"}, {"Hangzhou", "Zhejiang", "310"},
                {"Chengdu", "Sichuan", "610"}, {"Nanjing", "Jiangsu", "210"}, {"Wuhan", "Hubei", "430"}},
            new String[] {"Nanjing Road", "Huaihai Road", "Zhongshan Road", "Renmin Road", "Jiefang Road",
                "Changan Avenue", "Jianguo Road", "Heping Road", "Xinhua Road", "Wenhua Road", "Yan'an Road",
                "Beijing Road", "Dongfeng Road", "Binhe Road", "Shennan Avenue", "Tianhe Road", "Xueyuan Road",
                "Gongye Road", "Huanshi Road", "Xingfu Road"},
            "+86", 11, new String[] {"qq.com", "163.com", "126.com", "sina.com", "gmail.com", "outlook.com"});

    /** Family names and given names of Chinese customers who write them in characters, as pairs to the pinyin. */
    static final String[][] HANZI_LAST = {{"Wang", "王"}, {"Li", "李"}, {"Zhang", "张"}, {"Liu", "刘"},
        {"Chen", "陈"}, {"Yang", "杨"}, {"Huang", "黄"}, {"Zhao", "赵"}, {"Wu", "吴"}, {"Zhou", "周"}};
    static final String[][] HANZI_FIRST = {{"Wei", "伟"}, {"Fang", "芳"}, {"Jing", "静"}, {"Min", "敏"},
        {"Jie", "杰"}, {"Lei", "磊"}, {"Jun", "军"}, {"Yang", "洋"}, {"Yan", "艳"}, {"Tao", "涛"}};

    static final List<Market> MARKETS = List.of(US, DE, NO, ES, CN);

    private final SplittableRandom random;
    private final String prefix;
    private final java.util.Set<String> emails = new java.util.HashSet<>();
    private long loyaltySequence = 1_000_000;

    public SyntheticPeople(long seed, String prefix) {
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
    }

    /** {@code count} distinct people (entities 1..count); about 4 % of them share a household with the previous. */
    public List<Person> people(int count) {
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long entity = i + 1;
            Person previous = people.isEmpty() ? null : people.get(people.size() - 1);
            if (previous != null && random.nextDouble() < 0.04) {
                people.add(householdMember(previous, entity));
            } else {
                people.add(person(entity));
            }
        }
        return people;
    }

    Person person(long entity) {
        Market m = market();
        String[] place = m.places()[zipf(m.places().length, 0.8)];
        boolean hanzi = m == CN && random.nextDouble() < 0.2;
        String first = m.first()[zipf(m.first().length, 0.9)];
        String last = m.last()[zipf(m.last().length, 1.0)];
        if (hanzi) {
            String[] l = HANZI_LAST[random.nextInt(HANZI_LAST.length)];
            String[] f = HANZI_FIRST[random.nextInt(HANZI_FIRST.length)];
            last = l[1];
            first = f[1];
        }
        LocalDate birth = random.nextDouble() < 0.6 ? LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000))
                : null;
        String email = random.nextDouble() < 0.92 ? email(m, hanzi ? pinyin(first, HANZI_FIRST) : first,
                hanzi ? pinyin(last, HANZI_LAST) : last, birth) : null;
        String phone = random.nextDouble() < 0.7 ? phone(m) : null;
        String loyalty = random.nextDouble() < 0.4 ? "NL" + loyaltySequence++ : null;
        boolean address = random.nextDouble() < 0.75;
        return new Person(entity, externalId(), first, last, email, phone, loyalty, birth,
                address ? street(m) : null, address ? postalCode(m, place) : null, place[0], place[1], m.country(),
                m.locale());
    }

    /** Someone living with {@code other}: same surname and address, sometimes the same landline, nothing else. */
    Person householdMember(Person other, long entity) {
        Market m = MARKETS.stream().filter(x -> x.country().equals(other.country())).findFirst().orElse(US);
        String first;
        do {
            first = m.first()[zipf(m.first().length, 0.9)];
        } while (first.equals(other.first()));
        LocalDate birth = random.nextDouble() < 0.6 ? LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000))
                : null;
        String email = random.nextDouble() < 0.9 ? email(m, first, other.last() == null ? "x" : other.last(), birth)
                : null;
        String phone = other.phone() != null && random.nextDouble() < 0.3 ? other.phone()
                : random.nextDouble() < 0.6 ? phone(m) : null;
        return new Person(entity, externalId(), first, other.last(), email, phone,
                random.nextDouble() < 0.3 ? "NL" + loyaltySequence++ : null, birth, other.street(),
                other.postalCode(), other.city(), other.region(), other.country(), other.locale());
    }

    String externalId() {
        return prefix + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private Market market() {
        double r = random.nextDouble();
        double sum = 0;
        for (Market m : MARKETS) {
            sum += m.share();
            if (r < sum) {
                return m;
            }
        }
        return US;
    }

    /** An index in 0..n-1 with Zipf-like skew: index 0 the most common. */
    int zipf(int n, double s) {
        // Inverse transform on the continuous approximation of Σ k^-s.
        double u = random.nextDouble();
        if (s == 1.0) {
            return Math.min(n - 1, (int) Math.floor(Math.exp(u * Math.log(n + 1)) - 1));
        }
        double a = 1 - s;
        double max = (Math.pow(n + 1, a) - 1) / a;
        double x = Math.pow(u * max * a + 1, 1 / a) - 1;
        return Math.min(n - 1, Math.max(0, (int) Math.floor(x)));
    }

    String email(Market m, String first, String last, @Nullable LocalDate birth) {
        String f = DuplicateMaker.ascii(first).toLowerCase(Locale.ROOT).replace(" ", "");
        String l = DuplicateMaker.ascii(last).toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
        String domain = m.domains()[zipf(m.domains().length, 1.2)];
        String local = switch (random.nextInt(5)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + l;
            case 2 -> f + l + (birth != null ? Integer.toString(birth.getYear() % 100) : "");
            case 3 -> f + "_" + l;
            default -> l + "." + f;
        };
        String candidate = local + "@" + domain;
        int n = 1;
        while (!emails.add(candidate)) {
            candidate = local + (n < 10 ? n : random.nextInt(10_000)) + "@" + domain;
            n++;
        }
        return candidate;
    }

    String phone(Market m) {
        StringBuilder digits = new StringBuilder();
        switch (m.country()) {
            case "US" -> digits.append(2 + random.nextInt(8)).append(random.nextInt(10)).append(random.nextInt(10))
                    .append(2 + random.nextInt(8));
            case "DE" -> digits.append("15").append(random.nextInt(10));
            case "NO" -> digits.append(random.nextBoolean() ? "9" : "4");
            case "ES" -> digits.append(random.nextBoolean() ? "6" : "7");
            default -> digits.append("13").append(random.nextInt(10));
        }
        while (digits.length() < m.phoneDigits()) {
            digits.append(random.nextInt(10));
        }
        return nationalFormat(m.country(), digits.toString());
    }

    /** A phone number as people in that country write it. */
    static String nationalFormat(String country, String d) {
        return switch (country) {
            case "US" -> "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6);
            case "DE" -> "0" + d.substring(0, 4) + " " + d.substring(4);
            case "NO" -> d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5);
            case "ES" -> d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
            default -> d.substring(0, 3) + " " + d.substring(3, 7) + " " + d.substring(7);
        };
    }

    String street(Market m) {
        String name = m.streets()[zipf(m.streets().length, 0.7)];
        int number = 1 + random.nextInt(random.nextDouble() < 0.8 ? 80 : 2_000);
        return switch (m.country()) {
            case "US", "CN" -> number + " " + name;
            case "ES" -> name + ", " + number;
            default -> name + " " + number;
        };
    }

    String postalCode(Market m, String[] place) {
        String stem = place[2];
        int length = switch (m.country()) {
            case "US", "DE", "ES" -> 5;
            case "NO" -> 4;
            default -> 6;
        };
        StringBuilder code = new StringBuilder(stem);
        while (code.length() < length) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    private static String pinyin(String hanzi, String[][] table) {
        for (String[] pair : table) {
            if (pair[1].equals(hanzi)) {
                return pair[0];
            }
        }
        return hanzi;
    }

    SplittableRandom random() {
        return random;
    }

    Market marketOf(String country) {
        return MARKETS.stream().filter(x -> x.country().equals(country)).findFirst().orElse(US);
    }
}
