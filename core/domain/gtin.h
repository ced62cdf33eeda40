#pragma once

#include "util/result.h"

#include <QString>
#include <QStringView>

namespace sk {

// GS1 Global Trade Item Numbers (EAN-8, UPC-A, EAN-13, GTIN-14) and their mod-10 check
// digit. Only numeric barcodes of those lengths are GTINs: a Code 128 label such as
// "ABC-123" is a valid barcode that is simply not checked here (isNumericGtinCandidate()
// tells the two apart), so callers validate only what claims to be a GTIN.
class Gtin
{
public:
    enum class Kind { Ean8, UpcA, Ean13, Gtin14 };

    // The GS1 check digit (0-9) for the digits that precede it, or -1 when the body is
    // empty or not all ASCII digits.
    static int checkDigit(QStringView digitsWithoutCheck);
    // Digits only, length 8/12/13/14, correct check digit. Errors: "gtin.not_numeric",
    // "gtin.length", "gtin.check_digit" (the message names the barcode and the expected digit).
    static Result<Kind> validate(QStringView barcode);
    // All ASCII digits and a GTIN length; such a barcode must pass validate().
    static bool isNumericGtinCandidate(QStringView barcode);
    // The body followed by its check digit, or an empty string when the body is not digits.
    static QString withCheckDigit(QStringView body);
};

} // namespace sk
