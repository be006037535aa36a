using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Plumbline.Features.Accounts;

/// <summary>
/// Refuses new passwords that attackers try first: those on the list in content/passwords/common.txt (ignoring letter
/// case), one character repeated, or a plain run such as 123456789012 or abcdefghijkl (up or down).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string CommonMessage = "This password is on a list of common passwords that attackers try first. Choose a phrase of a few unrelated words.";
    public const string PatternMessage = "This password is one character repeated or a plain sequence. Choose a phrase of a few unrelated words.";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (Common.Value.Contains(password.Trim()))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = CommonMessage }));
        if (IsPattern(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PatternPassword", Description = PatternMessage }));
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>True when every character is the same as, or one more (or one less) than, the one before, in one direction.</summary>
    public static bool IsPattern(string password)
    {
        if (password.Length < 2) return true;
        var text = password.ToLowerInvariant();
        var step = text[1] - text[0];
        if (step is < -1 or > 1) return false;
        for (var i = 2; i < text.Length; i++)
        {
            var next = text[i] - text[i - 1];
            // A run of digits may wrap around: ...7890123 counts as one sequence.
            if (next != step && !(char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i - 1]) && next == -9 * step)) return false;
        }
        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Plumbline.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim());
        return set;
    }
}
