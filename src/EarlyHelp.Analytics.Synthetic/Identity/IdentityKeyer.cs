using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Randomness;
using static EarlyHelp.Analytics.Synthetic.Identity.IdentityErrorRates;

namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// Keys a person's identity as an agency system holds it on a given day: the system's reference
/// (sometimes a duplicate registration's), the names with that registration's errors, the surname in use
/// once the system has caught up with a change, the address the system held (stale for a while after a
/// move), formatted the system's way. One keyer serves one lineage on one thread.
/// </summary>
internal sealed class IdentityKeyer(long seed, Lineage lineage, List<int>[] residencesOf)
{
    private static readonly string[] SexCodes = ["F", "M"];

    /// <summary>
    /// The identity of <paramref name="person"/> in <paramref name="system"/> on <paramref name="day"/>;
    /// <paramref name="recordKey"/> picks between duplicate registrations; <paramref name="property"/> (a
    /// household index) fixes the address when the record is about a property (council tax, tenancy).
    /// </summary>
    public KeyedIdentity Key(SimPerson person, int system, int day, long recordKey, int property = -1)
    {
        var registration = 0;
        if (new RegistrationDraws(seed, person.Id, system, 0).Chance(DuplicateRegistration)
            && new RegistrationDraws(seed, recordKey, RandomPurpose.Typo).Chance(0.5))
            registration = 1;
        var draws = new RegistrationDraws(seed, person.Id, system, registration + 1);
        var group = (int)person.Ethnicity;
        var health = AgencySystems.IsHealth(system);
        var capitals = AgencySystems.WritesCapitals(system);

        var forename = Forename(ref draws, person, group);
        var surname = Surname(ref draws, person, group, day);
        if (draws.Chance(OrderSwap * OrderSwapByGroup[group]))
            (forename, surname) = (surname, forename);
        if (capitals)
        {
            forename = Upper(forename);
            surname = Upper(surname);
        }

        var birthDate = BirthDate(ref draws, HouseholdFounder.BirthDate(person), group, health);
        var sex = Sex(ref draws, person.Male, health);

        var lagged = HeldHousehold(ref draws, person, day);
        var held = property >= 0 ? property : lagged;
        var household = lineage.Households[held];
        var address = Address(ref draws, Addresses.Of(seed, household.Id, household.Tenure), capitals);
        var postcode = health ? HealthPostcode(ref draws, person, held) : Postcode(ref draws, household.Postcode);
        string? nhs = null;
        if (health && !draws.Chance(NhsNumberBlank))
        {
            nhs = AgencySystems.NhsNumber(lineage.Number, person.Index);
            if (draws.Chance(NhsNumberSpaced))
                nhs = $"{nhs[..3]} {nhs[3..6]} {nhs[6..]}";
        }
        return new KeyedIdentity
        {
            Reference = AgencySystems.Reference(seed, system, person.Id, registration == 1),
            Forename = forename, Surname = surname, BirthDate = birthDate, Sex = sex, Address = address, Postcode = postcode,
            Household = held, Uprn = Postcodes.Uprn(household.Id), NhsNumber = nhs,
        };
    }

    /// <summary>The lineage index of the household whose address a system held on <paramref name="day"/> with the given lag.</summary>
    private int HeldHousehold(ref RegistrationDraws draws, SimPerson person, int day)
    {
        var lag = draws.Chance(AddressUpdatedAtOnce) ? 0 : draws.NextInt(AddressLagDays);
        var residences = residencesOf[person.Index];
        var held = residences[0];
        foreach (var index in residences)
        {
            if (lineage.Residences[index].Start <= day - lag)
                held = index;
        }
        return lineage.Residences[held].Household;
    }

    private static byte[]? Forename(ref RegistrationDraws draws, SimPerson person, int group)
    {
        var pool = NamePools.Forenames(person.Male);
        var name = pool.Names[person.Forename];
        var useShort = draws.Chance(ShortForm);
        var respell = draws.Chance(Transliteration);
        var pick = draws.NextInt(1 << 16);
        byte[] bytes;
        if (useShort && NameVariants.ShortFormsOf(name) is { } forms)
            bytes = Encoding.ASCII.GetBytes(forms[pick % forms.Length]);
        else if (respell && NameVariants.SpellingsOf(name) is { } spellings)
            bytes = Encoding.ASCII.GetBytes(Other(spellings, name, pick));
        else
            bytes = pool.Bytes[person.Forename];
        var factor = NameErrorByGroup[group];
        if (draws.Chance(ForenameTypo * factor))
            bytes = draws.Typo(bytes);
        return draws.Chance(ForenameBlank * factor) ? null : bytes;
    }

    private static byte[]? Surname(ref RegistrationDraws draws, SimPerson person, int group, int day)
    {
        var surnames = NamePools.Surnames;
        var lag = draws.Chance(SurnameUpdatedAtOnce) ? 0 : draws.NextInt(SurnameLagDays);
        var respell = draws.Chance(Transliteration);
        var pick = draws.NextInt(1 << 16);
        var barrel = draws.NextInt(1 << 16) / 65536.0;
        string name;
        if (person.PreviousSurname >= 0 && day < person.SurnameChangeDay + lag)
            name = surnames.Names[person.PreviousSurname];
        else if (person.SecondSurname >= 0)
        {
            string first = surnames.Names[person.Surname], second = surnames.Names[person.SecondSurname];
            name = barrel switch
            {
                < DoubleBarrelFirstOnly => first,
                < DoubleBarrelFirstOnly + DoubleBarrelSecondOnly => second,
                < DoubleBarrelFirstOnly + DoubleBarrelSecondOnly + DoubleBarrelSpace => first + " " + second,
                _ => first + "-" + second,
            };
        }
        else
            name = surnames.Names[person.Surname];
        if (respell && NameVariants.SpellingsOf(name) is { } spellings)
            name = Other(spellings, name, pick);
        var bytes = Encoding.ASCII.GetBytes(name);
        var factor = NameErrorByGroup[group];
        if (draws.Chance(SurnameTypo * factor))
            bytes = draws.Typo(bytes);
        return draws.Chance(SurnameBlank * factor) ? null : bytes;
    }

    private static string Other(string[] spellings, string name, int pick)
    {
        var other = spellings[pick % spellings.Length];
        return string.Equals(other, name, StringComparison.OrdinalIgnoreCase) ? spellings[(pick + 1) % spellings.Length] : other;
    }

    /// <summary>The date of birth as keyed, or -1 for blank.</summary>
    private static int BirthDate(ref RegistrationDraws draws, int dayNumber, int group, bool health)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        var swappable = date.Day <= 12 && date.Day != date.Month;
        if (health)
        {
            if (!draws.Chance(HealthBirthDateError))
                return dayNumber;
            return draws.NextInt(3) switch { 0 => -1, 1 when swappable => new DateOnly(date.Year, date.Day, date.Month).DayNumber, _ => dayNumber + 1 };
        }
        if (draws.Chance(BirthDateBlank))
            return -1;
        if (draws.Chance(BirthDatePlaceholder))
            return new DateOnly(1900, 1, 1).DayNumber;
        if (draws.Chance(BirthDateFirstOfJanuary * FirstOfJanuaryByGroup[group]))
            return new DateOnly(date.Year, 1, 1).DayNumber;
        if (draws.Chance(BirthDateSwapped) && swappable)
            return new DateOnly(date.Year, date.Day, date.Month).DayNumber;
        if (draws.Chance(BirthDateDayOut))
            return dayNumber + (draws.NextInt(2) == 0 ? -1 : 1);
        if (draws.Chance(BirthDateYearOut))
            return date.AddYears(draws.NextInt(2) == 0 ? -1 : 1).DayNumber;
        return dayNumber;
    }

    private static string? Sex(ref RegistrationDraws draws, bool male, bool health)
    {
        if (health)
            return draws.Chance(HealthSexError) ? null : SexCodes[male ? 1 : 0];
        if (draws.Chance(SexBlank))
            return null;
        return SexCodes[(male ^ draws.Chance(SexWrong)) ? 1 : 0];
    }

    private static string? Address(ref RegistrationDraws draws, AddressParts parts, bool capitals)
    {
        var blank = draws.Chance(AddressBlank);
        var noNumber = draws.Chance(AddressNumberMissing);
        var abbreviated = draws.Chance(AddressAbbreviated);
        var slash = draws.Chance(FlatSlash);
        var noComma = draws.Chance(CommaDropped);
        if (blank)
            return null;
        var type = abbreviated ? Addresses.StreetTypes[parts.StreetType].Short : Addresses.StreetTypes[parts.StreetType].Full;
        var street = noNumber ? $"{parts.Street} {type}" : string.Create(CultureInfo.InvariantCulture, $"{parts.Number} {parts.Street} {type}");
        var line = parts.Flat == 0 ? street
            : slash && !noNumber ? string.Create(CultureInfo.InvariantCulture, $"{parts.Flat}/{street}")
            : string.Create(CultureInfo.InvariantCulture, $"Flat {parts.Flat}{(noComma ? " " : ", ")}{street}");
        return capitals ? line.ToUpperInvariant() : line;
    }

    private static string? Postcode(ref RegistrationDraws draws, string postcode)
    {
        if (draws.Chance(PostcodeBlank))
            return null;
        if (draws.Chance(PostcodeTypo))
            postcode = Mistyped(ref draws, postcode);
        if (draws.Chance(PostcodeNoSpace))
            postcode = postcode.Replace(" ", "", StringComparison.Ordinal);
        if (draws.Chance(PostcodeLowerCase))
            postcode = postcode.ToLowerInvariant();
        return postcode;
    }

    private string? HealthPostcode(ref RegistrationDraws draws, SimPerson person, int held)
    {
        if (draws.Chance(HealthPostcodeBlank))
            return null;
        var postcode = lineage.Households[held].Postcode;
        if (!draws.Chance(HealthPostcodeWrong / (1 - HealthPostcodeBlank)))
            return postcode;
        var residences = residencesOf[person.Index];
        for (var i = residences.Count - 1; i > 0; i--)
        {
            if (lineage.Residences[residences[i]].Household == held)
                return lineage.Households[lineage.Residences[residences[i - 1]].Household].Postcode;
        }
        return Mistyped(ref draws, postcode);
    }

    private static string Mistyped(ref RegistrationDraws draws, string postcode)
    {
        var characters = postcode.ToCharArray();
        var at = characters.Length - 1 - draws.NextInt(2);
        characters[at] = (char)('A' + draws.NextInt(26));
        return new string(characters);
    }

    private static byte[]? Upper(byte[]? name)
    {
        if (name is null)
            return null;
        var upper = new byte[name.Length];
        for (var i = 0; i < name.Length; i++)
            upper[i] = name[i] is >= (byte)'a' and <= (byte)'z' ? (byte)(name[i] - 32) : name[i];
        return upper;
    }
}
