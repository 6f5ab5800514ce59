namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>One country's names and address conventions. Non-ASCII names are deliberate: connectors,
/// storage and cleansers must survive them.</summary>
public sealed record Locale(
    string Country, string[] FirstNames, string[] LastNames, string[] Cities, string[] States, string[] Streets,
    string PostcodePattern, string PhonePattern, string EmailDomain, double Weight);

/// <summary>Static pools the generator picks from. '#' in a pattern is a random digit, 'A' a random letter.</summary>
public static class LocalePools
{
    public static readonly Locale[] All =
    [
        new("US", ["John", "Emily", "Michael", "Sarah", "David", "Jessica", "Chris", "Ashley", "José", "Zoë"],
            ["Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "O'Brien", "Nguyễn"],
            ["San Francisco", "New York", "Austin", "Chicago", "Seattle", "Denver"], ["CA", "NY", "TX", "IL", "WA", "CO"],
            ["Market St", "Main St", "Oak Ave", "Maple Dr", "Pine St"], "#####", "(###) ###-####", "example.com", 0.34),
        new("DE", ["Jürgen", "Anna", "Lukas", "Lena", "Björn", "Sophie", "Maximilian", "Jörg"],
            ["Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Groß", "Köhler", "Becker"],
            ["Berlin", "München", "Köln", "Düsseldorf", "Hamburg"], ["BE", "BY", "NW", "HH"],
            ["Hauptstraße", "Schloßallee", "Bahnhofstraße", "Gartenweg"], "#####", "+49 ### #######", "beispiel.de", 0.14),
        new("FR", ["Amélie", "Benoît", "Chloé", "Élodie", "François", "Hélène", "Jérôme", "Léa"],
            ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Bérénger"],
            ["Paris", "Lyon", "Marseille", "Besançon", "Orléans"], ["", "", ""],
            ["rue de la Paix", "avenue des Champs-Élysées", "boulevard Saint-Germain"], "#####", "+33 # ## ## ## ##", "exemple.fr", 0.1),
        new("GB", ["Oliver", "Amelia", "Harry", "Isla", "George", "Siobhán", "Niamh"],
            ["Smith", "Jones", "Taylor", "Wilson", "Evans", "O'Connor", "Ó Súilleabháin"],
            ["London", "Manchester", "Leeds", "Bristol", "Edinburgh"], ["", "", ""],
            ["High Street", "Station Road", "Church Lane"], "AA# #AA", "+44 #### ######", "example.co.uk", 0.1),
        new("ES", ["Álvaro", "Lucía", "Sofía", "Íñigo", "Martín", "Begoña"],
            ["García", "Fernández", "López", "Martínez", "Peña", "Muñoz"],
            ["Madrid", "Barcelona", "Sevilla", "A Coruña", "Málaga"], ["M", "B", "SE", "C", "MA"],
            ["Calle Mayor", "Avenida de España", "Plaza Mayor"], "#####", "+34 ### ### ###", "ejemplo.es", 0.07),
        new("PL", ["Łukasz", "Małgorzata", "Paweł", "Zofia", "Wojciech", "Agnieszka"],
            ["Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zieliński"],
            ["Warszawa", "Kraków", "Łódź", "Wrocław", "Gdańsk"], ["", ""],
            ["ul. Długa", "ul. Świętokrzyska", "al. Jerozolimskie"], "##-###", "+48 ### ### ###", "przyklad.pl", 0.05),
        new("SE", ["Åsa", "Björn", "Linnéa", "Örjan", "Märta", "Sven"],
            ["Andersson", "Johansson", "Ångström", "Öberg", "Lindqvist", "Nyström"],
            ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås"], ["", ""],
            ["Drottninggatan", "Storgatan", "Kungsgatan"], "### ##", "+46 ## ### ## ##", "exempel.se", 0.04),
        new("JP", ["太郎", "花子", "翔太", "さくら", "健", "美咲"],
            ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤"],
            ["東京", "大阪", "京都", "横浜", "札幌"], ["JP13", "JP27", "JP26", "JP14"],
            ["1-2-3 丸の内", "4-5-6 梅田", "7-8 祇園町"], "###-####", "+81 ##-####-####", "example.jp", 0.05),
        new("RU", ["Иван", "Ольга", "Дмитрий", "Наталья", "Сергей", "Юлия"],
            ["Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева"],
            ["Москва", "Санкт-Петербург", "Казань", "Новосибирск"], ["", ""],
            ["ул. Тверская", "Невский проспект", "ул. Баумана"], "######", "+7 ### ###-##-##", "primer.ru", 0.04),
        new("GR", ["Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Δημήτρης"],
            ["Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου"],
            ["Αθήνα", "Θεσσαλονίκη", "Πάτρα"], ["", ""],
            ["Οδός Ερμού", "Λεωφόρος Αλεξάνδρας"], "### ##", "+30 ### ### ####", "paradeigma.gr", 0.03),
        new("BR", ["João", "Ana", "Luíza", "Gonçalo", "Conceição", "Thiago"],
            ["Silva", "Santos", "Conceição", "Araújo", "Gonçalves", "Simões"],
            ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Brasília"], ["SP", "RJ", "MG", "DF"],
            ["Rua Augusta", "Avenida Paulista", "Rua das Flores"], "#####-###", "+55 ## #####-####", "exemplo.com.br", 0.04),
    ];

    public static readonly string[] Companies = ["", "", "", "", "", "Acme GmbH", "Nordwind AB", "Société Générale de Test", "株式会社サンプル", "Café Olé"];

    public static Locale PickLocale(ref SeededStream rng)
    {
        var x = rng.NextDouble() * TotalWeight;
        foreach (var l in All)
        {
            x -= l.Weight;
            if (x < 0) return l;
        }
        return All[^1];
    }

    private static readonly double TotalWeight = All.Sum(l => l.Weight);

    /// <summary>Fills '#' with digits and 'A' with capital letters.</summary>
    public static string FillPattern(string pattern, ref SeededStream rng)
    {
        return string.Create(pattern.Length, (pattern, rng.NextULong()), static (span, state) =>
        {
            var bits = state.Item2;
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.pattern[i];
                bits = SeededStream.Mix(bits);
                span[i] = c switch
                {
                    '#' => (char)('0' + (int)(bits % 10)),
                    'A' => (char)('A' + (int)(bits % 26)),
                    _ => c,
                };
            }
        });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Slugs = new(StringComparer.Ordinal);

    /// <summary>An ASCII e-mail local part: diacritics stripped, non-Latin names give "". Cached: names come from small pools.</summary>
    public static string AsciiSlug(string s) => Slugs.GetOrAdd(s, ComputeAsciiSlug);

    private static string ComputeAsciiSlug(string s)
    {
        var normalized = s.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (c is >= 'A' and <= 'Z') sb.Append((char)(c + 32));
            else if (c is 'ß') sb.Append("ss");
            else if (c is 'ł' or 'Ł') sb.Append('l');
        }
        return sb.ToString();
    }
}
