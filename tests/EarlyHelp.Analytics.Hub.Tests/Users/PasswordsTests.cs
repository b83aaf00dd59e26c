using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Tests.Users;

/// <summary>The password rules: length, then common, repetitive, sequential and personal passwords, each with its own message.</summary>
public sealed class PasswordsTests
{
    private const string Common = "Choose several unrelated words instead.";
    private const string Repeats = "The password repeats a character or a pattern (like 'aaaa…' or 'abcabc…'). Choose several unrelated words instead.";
    private const string Runs = "The password is a run of letters, digits or keys (like '1234…' or 'qwerty…'). Choose several unrelated words instead.";

    [Theory]
    [InlineData("password1234567", "password")]
    [InlineData("Password2024!!!!!", "password")]
    [InlineData("P@ssw0rd-2024!!!", "password")]
    [InlineData("passwordpassword", "password")]
    [InlineData("iloveyou12345678", "iloveyou")]
    [InlineData("monkeymonkeymonkey", "monkey")]
    [InlineData("!!!Liverpool1892!!!", "liverpool")]
    [InlineData("qwertyuiop123456", "qwertyuiop")]
    public void Check_BuiltOnACommonPassword_NamesTheWord(string password, string word)
    {
        Assert.Equal([$"The password is built on '{word}', one of the most used passwords. {Common}"], Passwords.Check(password));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaa")]
    [InlineData("xyzxyzxyzxyzxyzxyz")]
    [InlineData("blue sky blue sky ")]
    [InlineData("aaaaaaaaaaaaaab1")]
    public void Check_Repetition_Refused(string password)
    {
        Assert.Equal([Repeats], Passwords.Check(password));
    }

    [Theory]
    [InlineData("123456789012345")]
    [InlineData("1234567890123456")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("zyxwvutsrqponmlk")]
    [InlineData("asdfghjklzxcvbnm")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("9876543210987654")]
    public void Check_Sequence_Refused(string password)
    {
        Assert.Equal([Runs], Passwords.Check(password));
    }

    [Fact]
    public void Check_ContainsTheUserName_Refused()
    {
        Assert.Equal(["The password must not contain your user name."], Passwords.Check("my name is a.practitioner", "A.Practitioner"));
    }

    [Fact]
    public void Check_OnlySpaces_SaysSo()
    {
        Assert.Equal(["The password must not be only spaces."], Passwords.Check(new string(' ', 20)));
    }

    [Fact]
    public void Check_Short_GivesTheLength()
    {
        Assert.Equal(["The password must be at least 15 characters. Got 9 instead."], Passwords.Check("too short"));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("kettle orbit tulip gravel")]
    [InlineData("k7qmz-2xzta-9hw4e-pp3rt-bc8dn")]
    [InlineData("the panel meets on a monday")]
    public void Check_UnrelatedWordsOrGenerated_Accepted(string password)
    {
        Assert.Empty(Passwords.Check(password, "a.practitioner"));
    }

    [Fact]
    public void Check_GeneratedPasswords_AlwaysAccepted()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = Passwords.Generate();
            Assert.True(!Passwords.Check(password).Any(), password);
        }
    }
}
