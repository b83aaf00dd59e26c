using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Security;

namespace EarlyHelp.Analytics.Web.Tests.IdentityProvider;

/// <summary>How a user the identity provider vouches for is named and given a role.</summary>
public sealed class IdentityProviderAccountsTests
{
    private static readonly IdentityProviderOptions Options = new()
    {
        RoleGroups = new() { ["panel"] = "panel-members; all-staff", ["admin"] = "it-admins", ["ig"] = "information-governance" },
    };

    [Fact]
    public void AccountName_LowerCaseGuid_KeptAsItIs()
    {
        // Entra ID's oid and Keycloak's sub are lower-case GUIDs: the audit log shows the provider's own identifier.
        Assert.Equal("oidc-6f9619ff-8b86-d011-b42d-00cf4fc964ff", IdentityProviderAccounts.AccountName("6f9619ff-8b86-d011-b42d-00cf4fc964ff"));
    }

    [Fact]
    public void AccountName_CaseSensitiveSubjects_DifferAfterFolding()
    {
        // Expected values: Python's hashlib.sha256 and base64.b32encode, first 26 characters, lower case.
        // Folding these two Entra-style pairwise subjects to lower case would have made them one account.
        Assert.Equal("oidc--tsbgun3qrixbempkfj7d4imrk2", IdentityProviderAccounts.AccountName("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ"));
        Assert.Equal("oidc--ugnnbpvksq2dnyzj5m3rqgbehs", IdentityProviderAccounts.AccountName("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaq"));
    }

    [Fact]
    public void AccountName_SubjectStartingWithDash_HashedSoItCannotPassForAHash()
    {
        Assert.Equal(6 + 26, IdentityProviderAccounts.AccountName("-tsbgun3qrixbempkfj7d4imrk2").Length);
        Assert.NotEqual("oidc--tsbgun3qrixbempkfj7d4imrk2", IdentityProviderAccounts.AccountName("-tsbgun3qrixbempkfj7d4imrk2"));
    }

    [Fact]
    public void RoleFor_SeveralRoles_LeastPowerWinsByDefault()
    {
        Assert.Equal(UserRole.Panel, IdentityProviderAccounts.RoleFor(["it-admins", "all-staff"], Options));
    }

    [Fact]
    public void RoleFor_SeveralRolesWithCouncilsOrder_FirstInOrderWins()
    {
        var options = new IdentityProviderOptions { RoleGroups = Options.RoleGroups, RolePrecedence = "admin;ig;analyst;matching;panel" };

        Assert.Equal(UserRole.Administrator, IdentityProviderAccounts.RoleFor(["all-staff", "it-admins"], options));
        Assert.Equal(UserRole.Governance, IdentityProviderAccounts.RoleFor(["all-staff", "information-governance"], options));
    }

    [Fact]
    public void RoleFor_NoMappedGroup_Null()
    {
        Assert.Null(IdentityProviderAccounts.RoleFor(["finance", "Panel-Members"], Options));
        Assert.Null(IdentityProviderAccounts.RoleFor([], Options));
    }

    [Fact]
    public void Validate_OnWithoutClientOrGroups_SaysWhatIsMissing()
    {
        Environment.SetEnvironmentVariable(IdentityProviderOptions.ClientSecretVariable, null);
        var options = new IdentityProviderOptions { Authority = "http://idp.council.example", RolePrecedence = "panel;admin" };

        Assert.Equal(
        [
            "The 'OpenIdConnect:Authority' option must be an https:// address (http:// only on this machine's loopback). Got 'http://idp.council.example' instead.",
            "The 'OpenIdConnect:ClientId' option must name the app's client id at the identity provider. Got an empty value instead.",
            "The client secret must be in the file 'OpenIdConnect:ClientSecretFile' names or in the environment variable EARLYHELP_OIDC_CLIENT_SECRET. Found neither.",
            "The 'OpenIdConnect:RoleGroups' option must map at least one group to a role. Got none.",
            "The 'OpenIdConnect:RolePrecedence' option must list each role code (panel, analyst, ig, admin, matching) once, separated by ';'. Got 'panel;admin' instead.",
        ], options.Validate());
    }

    [Fact]
    public void Validate_Off_NoProblems()
    {
        Assert.Empty(new IdentityProviderOptions { RolePrecedence = "nonsense" }.Validate());
    }
}
