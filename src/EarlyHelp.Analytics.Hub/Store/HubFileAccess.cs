namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// Who may read the files that hold personal data: the hub and its journals, the audit key and checkpoints,
/// model folders. Owner only by default (files 0600, folders 0700); with <see cref="EnvironmentVariable"/> set
/// to <c>group</c>, the owner's group may read too (0640, 0750), for a service account and its operators.
/// Windows has no such modes: there the folder's access control list decides.
/// </summary>
public static class HubFileAccess
{
    /// <summary>The setting: <c>owner</c> (the default) or <c>group</c>.</summary>
    public const string EnvironmentVariable = "EARLYHELP_FILE_ACCESS";

    /// <summary>Whether the owner's group may read, from <see cref="EnvironmentVariable"/>.</summary>
    public static bool GroupMayRead => ReadsAsGroup(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Whether <paramref name="setting"/> lets the group read: false for none or <c>owner</c>, true for <c>group</c>; <see cref="Core.BadInputException"/> otherwise.</summary>
    public static bool ReadsAsGroup(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting) || setting.Trim().Equals("owner", StringComparison.OrdinalIgnoreCase))
            return false;
        if (setting.Trim().Equals("group", StringComparison.OrdinalIgnoreCase))
            return true;
        throw new Core.BadInputException(EnvironmentVariable, $"the setting must be 'owner' or 'group'. Got '{setting}' instead.");
    }

    /// <summary>
    /// Where a file that belongs with the hub at <paramref name="hubPath"/> is kept: <paramref name="explicitPath"/> when
    /// given, else the file the environment variable <paramref name="environmentVariable"/> names, else beside the hub
    /// as its path followed by <paramref name="suffix"/>.
    /// </summary>
    public static string Locate(string hubPath, string? explicitPath, string environmentVariable, string suffix) =>
        !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath
        : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : hubPath + suffix;

    /// <summary>The mode of a new file: 0600, or 0640 with group access.</summary>
    public static UnixFileMode NewFileMode =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | (GroupMayRead ? UnixFileMode.GroupRead : UnixFileMode.None);

    /// <summary>The mode of a new folder: 0700, or 0750 with group access.</summary>
    public static UnixFileMode NewFolderMode =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | (GroupMayRead ? UnixFileMode.GroupRead | UnixFileMode.GroupExecute : UnixFileMode.None);

    /// <summary>
    /// Creates <paramref name="path"/> empty with <see cref="NewFileMode"/> when it does not exist, so that a
    /// database opened on it afterwards never exists, even for a moment, with the process's default mode.
    /// Returns whether it created the file.
    /// </summary>
    public static bool CreateFileIfMissing(string path)
    {
        if (File.Exists(path))
            return false;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = NewFileMode;
        try
        {
            using var stream = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; it set the mode.
            return false;
        }
        return true;
    }

    /// <summary>Creates <paramref name="path"/> and any missing parents; a folder it creates gets <see cref="NewFolderMode"/>.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, NewFolderMode);
    }

    /// <summary>
    /// Takes away any read or write access from others (and from the group unless allowed) on an existing file
    /// owned by this user; a file owned by another account is left as it is, since only its owner may change it.
    /// </summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
            return;
        var mode = File.GetUnixFileMode(path);
        var allowed = NewFileMode | UnixFileMode.UserExecute;
        if ((mode & ~allowed) == UnixFileMode.None)
            return;
        try
        {
            File.SetUnixFileMode(path, mode & allowed);
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to change; the owner was told how in the documentation.
        }
    }
}
