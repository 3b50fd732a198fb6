using BrandPlatform.Platform.Domain;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed with GB 32100-2015
    [InlineData("91110000802100433B")]
    [InlineData("91440300708461136T")]
    public void Published_codes_are_valid(string code) => UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData(null, CreditCodeProblem.Missing)]
    [InlineData("", CreditCodeProblem.Missing)]
    [InlineData("91350100M000100Y4", CreditCodeProblem.WrongLength)]
    [InlineData("91350100M000100Y433", CreditCodeProblem.WrongLength)]
    [InlineData("91350100M000100I43", CreditCodeProblem.InvalidCharacter)]
    [InlineData("91350100M000100O43", CreditCodeProblem.InvalidCharacter)]
    [InlineData("91350100m000100Y43", CreditCodeProblem.InvalidCharacter)]
    [InlineData("913501A0M000100Y43", CreditCodeProblem.InvalidDivisionCode)]
    [InlineData("91350100M000100Y44", CreditCodeProblem.WrongCheckCharacter)]
    public void Each_problem_is_named(string? code, CreditCodeProblem expected) =>
        UnifiedSocialCreditCode.Check(code).ShouldBe(expected);

    [Fact]
    public void Changing_any_single_character_of_a_valid_code_is_detected()
    {
        const string valid = "91350100M000100Y43";
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var replacement in alphabet.Where(c => c != valid[position]))
            {
                var changed = valid[..position] + replacement + valid[(position + 1)..];
                UnifiedSocialCreditCode.IsValid(changed).ShouldBeFalse($"{changed} differs from {valid} at {position}");
            }
        }
    }

    [Fact]
    public void The_check_character_can_be_zero()
    {
        // A body whose weighted sum is a multiple of 31 has check character 0, not 31.
        var body = FindBodyWithSumDivisibleBy31();
        UnifiedSocialCreditCode.CheckCharacter(body).ShouldBe('0');
        UnifiedSocialCreditCode.IsValid(body + "0").ShouldBeTrue();
    }

    [Fact]
    public void Input_is_normalised_before_checking() =>
        UnifiedSocialCreditCode.Normalize(" 91350100m000100y43 ").ShouldBe("91350100M000100Y43");

    private static string FindBodyWithSumDivisibleBy31()
    {
        for (var i = 0; i < 100_000; i++)
        {
            var body = $"9135010{i:D5}00000";
            if (UnifiedSocialCreditCode.CheckCharacter(body) == '0')
            {
                return body;
            }
        }
        throw new InvalidOperationException("no such body found");
    }
}
