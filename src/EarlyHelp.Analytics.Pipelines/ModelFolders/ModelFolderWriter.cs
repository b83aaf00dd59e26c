using System.Diagnostics;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Learning.Models;

namespace EarlyHelp.Analytics.Pipelines.ModelFolders;

/// <summary>A file of a model folder: its name within the folder and its bytes.</summary>
/// <param name="Path">Path relative to the folder (may include a subfolder).</param>
/// <param name="Content">The bytes.</param>
public sealed record ModelFolderFile(string Path, byte[] Content);

/// <summary>
/// Puts a model folder in place all at once. Every file is written into a hidden sibling folder
/// (<c>models/.NAME.partial-PID</c>); the registry row is written in a transaction; the hidden folder is
/// renamed to <c>models/NAME</c> (a rename within one file system is atomic); then the transaction
/// commits. A failure before the rename leaves neither folder nor row; a failure of the commit moves the
/// folder back and removes it. The one window left is the process dying between the rename and the
/// commit — a folder without a row, which <c>models list</c> reports as "not registered" and which the
/// panel never uses (scoring takes models from the registry only).
/// </summary>
public static class ModelFolderWriter
{
    /// <summary>
    /// Refuses a folder or name already taken, and removes hidden partial folders of this name left by
    /// runs that died (their process is gone). Throws <see cref="BadInputException"/>.
    /// </summary>
    public static void EnsureFree(IHubStore store, string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Directory.Exists(folder) || File.Exists(folder))
            throw new BadInputException(folder, "the model folder already exists; a model is never overwritten, so choose another name");
        if (store.Models.Find(name) is { } taken)
            throw new BadInputException(folder, $"a model named '{name}' is already registered (folder {taken.Registration.Folder}); choose another name");
        RemoveAbandonedPartials(folder, name);
    }

    /// <summary>Writes the files and registers the model; returns the full path of the folder in place.</summary>
    /// <param name="store">The hub whose registry gets the row.</param>
    /// <param name="folder">The model folder to create.</param>
    /// <param name="files">The files; <see cref="ModelFolderLayout.Model"/> and one export (<see cref="ModelFolderLayout.Trees"/> or <see cref="ModelFolderLayout.Linear"/>) among them.</param>
    /// <param name="registration">The registry row (its hash is checked against the model file's).</param>
    /// <param name="actor">Who trained it.</param>
    /// <param name="beforeCommit">Called between the rename and the commit (tests interrupt there).</param>
    public static string Write(IHubStore store, string folder, IReadOnlyList<ModelFolderFile> files, ModelRegistration registration, string actor, Action? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(registration);
        var final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(final)!;
        var export = files.Single(f => f.Path is ModelFolderLayout.Trees or ModelFolderLayout.Linear);
        var fingerprint = ModelFingerprint.Of(files.Single(f => f.Path == ModelFolderLayout.Model).Content, export.Content, export.Path);
        if (fingerprint != registration.ModelSha256)
            throw new ArgumentException("The registration's model hash is not the fingerprint of the model files.", nameof(registration));
        HubFileAccess.CreateFolder(parent);
        var partial = ModelFolderLayout.PartialFolder(parent, registration.Name, Environment.ProcessId);
        try
        {
            // The folder is created owner-only before anything is written into it: its reports hold figures by
            // protected characteristic, and the model was fitted on personal data.
            HubFileAccess.CreateFolder(partial);
            foreach (var file in files)
            {
                var path = Path.Combine(partial, file.Path);
                HubFileAccess.CreateFolder(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
            using var pending = store.Models.Begin(registration, actor);
            Directory.Move(partial, final);
            try
            {
                beforeCommit?.Invoke();
                pending.Commit();
            }
            catch
            {
                Directory.Move(final, partial);
                throw;
            }
            return final;
        }
        finally
        {
            if (Directory.Exists(partial))
                Directory.Delete(partial, recursive: true);
        }
    }

    /// <summary>SHA-256 of bytes, lower-case hex.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// The <see cref="ModelFingerprint"/> of the model files in <paramref name="folder"/> — the zip and the tree or linear
    /// export, whichever the folder holds — or null when one is missing or unreadable.
    /// </summary>
    public static string? Fingerprint(string folder)
    {
        var zip = Path.Combine(folder, ModelFolderLayout.Model);
        var export = new[] { ModelFolderLayout.Trees, ModelFolderLayout.Linear }.FirstOrDefault(name => File.Exists(Path.Combine(folder, name)));
        if (!File.Exists(zip) || export is null)
            return null;
        try
        {
            return ModelFingerprint.Of(File.ReadAllBytes(zip), File.ReadAllBytes(Path.Combine(folder, export)), export);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static void RemoveAbandonedPartials(string folder, string name)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))!;
        if (!Directory.Exists(parent))
            return;
        var prefix = $"{ModelFolderLayout.PartialPrefix}{name}{ModelFolderLayout.PartialSuffix}";
        foreach (var partial in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(partial)[prefix.Length..], out var processId) && !IsRunning(processId))
                Directory.Delete(partial, recursive: true);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
