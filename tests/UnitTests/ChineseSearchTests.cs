using BrandPlatform.Platform.Persistence;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class ChineseSearchTests
{
    [Fact]
    public void A_text_s_terms_are_its_chinese_bigrams_and_its_other_words_in_lower_case()
    {
        ChineseSearch.Terms("技术改造", "补助 10% VAT").ShouldBe("技术 术改 改造 补助 10 vat");
        ChineseSearch.Terms("税").ShouldBe("税");
        ChineseSearch.Terms("企业，融资", null).ShouldBe("企业 融资");
    }

    [Fact]
    public void A_query_word_is_the_phrase_of_its_terms_and_every_word_must_match()
    {
        ChineseSearch.Query("技术改造").ShouldBe("(技术 <-> 术改 <-> 改造)");
        ChineseSearch.Query("补贴  人才").ShouldBe("(补贴) & (人才)");
        ChineseSearch.Query("税").ShouldBe("(税:*)");
        ChineseSearch.Query("ＶＡＴ2024").ShouldBe("(vat2024)");
        ChineseSearch.Query("！！ ？").ShouldBeNull();
        ChineseSearch.Query("it's").ShouldBe("(it <-> s)");
    }
}
