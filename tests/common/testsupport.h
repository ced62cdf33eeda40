#pragma once

#include "storage/shopstore.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace sk::test {

// The repository's source tree and the build tree, as CMake saw them.
QString sourceDir();
QString binaryDir();
// The shared/ folder beside the repo, or an empty string when it is absent (tests skip).
QString sharedDir();

StoreIdentity testIdentity(const QString &shop = QStringLiteral("shop-test"));

// A fresh shop file in a temporary directory that lives as long as this object.
struct TempStore
{
    QTemporaryDir dir;
    std::unique_ptr<ShopStore> store;
    QString path() const;
};
std::unique_ptr<TempStore> makeTempStore();

} // namespace sk::test

// QVERIFY for Result<T>: on failure prints the error's message and detail.
#define SK_VERIFY_OK(expr)                                                                  \
    do {                                                                                    \
        const auto &sk_result_ = (expr);                                                    \
        QVERIFY2(sk_result_.ok(), sk_result_.ok() ? "" : qPrintable(sk_result_.error().toString())); \
    } while (false)
