#pragma once

#include <QtGlobal>

#include <span>

namespace sk {

// The word lists the demo shop is made of: categories with their product nouns, adjectives
// and option sets, vendors, people, places, carriers and notes. Plain UTF-8 data with no
// logic, so the generator reads as rules and this file reads as a catalogue. Changing any
// list changes the generated shop: bump DemoGenerator::Version when you do.
class DemoVocabulary
{
public:
    // How a product's variants are built.
    enum class Options : quint8 {
        None,          // one variant, no options
        ApparelSize,   // Color x Size (XS..XXL)
        WaistSize,     // Color x Size (28..38)
        ShoeSize,      // Color x Size (EU 36..46)
        Color,         // Color
        MaterialColor, // Material x Color
        Scent,         // Scent
        HomeSize,      // Size (Small/Medium/Large)
        HomeSizeColor, // Color x Size
        Volume,        // 50 / 100 / 250 ml
        GiftAmount,    // gift card denominations
    };

    struct Word
    {
        const char *name;
        const char *code; // upper case, used in SKUs
    };

    // One option value. `weight` is its relative popularity; `priceStep` its price change in
    // percent of the product's base price.
    struct OptionValue
    {
        const char *name;
        const char *code;
        int weight;
        int priceStep;
    };

    struct Noun
    {
        const char *name;
        const char *code;
        int minPrice; // whole euros before scaling to the shop's currency
        int maxPrice;
        int grams;
        Options options;
        const char *adjectives; // codes of the category's adjectives that suit it, space-separated
    };

    struct Category
    {
        const char *name;
        const char *tag;
        int share; // relative share of the catalogue's products
        std::span<const Noun> nouns;
        std::span<const Word> adjectives;
        std::span<const char *const> vendors;
        std::span<const char *const> sentences; // "%1" = noun, "%2" = adjective (both lower case)
    };

    struct Place
    {
        const char *city;
        const char *postalCode;
        const char *province;
        const char *countryCode;
        int weight;
    };

    struct Country
    {
        const char *code;
        int taxPercent; // VAT charged on goods shipped there (tax-exclusive prices)
        const char *phonePrefix;
    };

    struct Carrier
    {
        const char *name;
        const char *trackingPattern; // '9' = digit, 'A' = letter, anything else is literal
        int weight;
    };

    static std::span<const Category> categories();
    // The values of option1 (slot 0) and option2 (slot 1); empty when the scheme has no such option.
    static std::span<const OptionValue> optionValues(Options options, int slot);
    static std::span<const char *const> modelNames();
    static std::span<const char *const> extraTags();
    static std::span<const char *const> careSentences();
    static std::span<const char *const> firstNames();
    static std::span<const char *const> lastNames();
    static std::span<const char *const> streets(); // "%1" = house number
    static std::span<const Place> places();
    static std::span<const Country> countries();
    static std::span<const char *const> emailDomains();
    static std::span<const Carrier> carriers();
    static std::span<const char *const> orderNotes();
    static std::span<const char *const> staffNotes();
    static std::span<const char *const> staffNames();
    static std::span<const char *const> refundReasons();
    static std::span<const char *const> customerNotes();
};

} // namespace sk
