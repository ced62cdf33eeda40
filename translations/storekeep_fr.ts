<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CustomerRepository</name>
    <message>
        <location filename="../core/storage/customerrepository.cpp" line="+93"/>
        <source>The email address %1 already belongs to another customer.</source>
        <translation>L’adresse e-mail %1 appartient déjà à un autre client.</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <location filename="../core/demo/demogenerator.cpp" line="+513"/>
        <source>Creating the demo shop was cancelled.</source>
        <translation>La création de la boutique de démonstration a été annulée.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Unknown time zone &quot;%1&quot;.</source>
        <translation>Fuseau horaire inconnu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+1329"/>
        <source>The demo shop needs a name.</source>
        <translation>La boutique de démonstration doit avoir un nom.</translation>
    </message>
</context>
<context>
    <name>InventoryRepository</name>
    <message>
        <location filename="../core/storage/inventoryrepository.cpp" line="+125"/>
        <source>Choose a location, or all locations, to list inventory.</source>
        <translation>Choisissez un emplacement, ou tous les emplacements, pour afficher le stock.</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>An adjustment must change the quantity.</source>
        <translation>Un ajustement doit modifier la quantité.</translation>
    </message>
</context>
<context>
    <name>OrderRepository</name>
    <message>
        <location filename="../core/storage/orderrepository.cpp" line="+406"/>
        <source>Order number %1 is already used by another order.</source>
        <translation>Le numéro de commande %1 est déjà utilisé par une autre commande.</translation>
    </message>
</context>
<context>
    <name>ProductRepository</name>
    <message>
        <location filename="../core/storage/productrepository.cpp" line="+163"/>
        <source>The SKU &quot;%1&quot; is already used by another variant.</source>
        <translation>Le SKU «&#xa0;%1&#xa0;» est déjà utilisé par une autre variante.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The handle &quot;%1&quot; is already used by another product.</source>
        <translation>L’identifiant d’URL «&#xa0;%1&#xa0;» est déjà utilisé par un autre produit.</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="+446"/>
        <source>This shop file was written by a newer version of Storekeep (schema %1; this version reads up to %2). Update Storekeep to open it. The file was not changed.</source>
        <translation>Ce fichier de boutique a été écrit par une version plus récente de Storekeep (schéma %1&#xa0;; cette version lit jusqu’au schéma %2). Mettez Storekeep à jour pour l’ouvrir. Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Upgrading the shop file to schema %1 (%2) failed: %3</source>
        <translation>La mise à niveau du fichier de boutique vers le schéma %1 (%2) a échoué&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <location filename="../core/storage/searchindex.cpp" line="+35"/>
        <source>Search maintenance can only be suspended inside a transaction.</source>
        <translation>La maintenance de la recherche ne peut être suspendue qu’à l’intérieur d’une transaction.</translation>
    </message>
</context>
<context>
    <name>ShopStore</name>
    <message>
        <location filename="../core/storage/shopstore.cpp" line="+45"/>
        <source>The shop file %1 belongs to shop %2 of user %3 on %4, not to shop %5 of user %6 on %7.</source>
        <translation>Le fichier de boutique %1 appartient à la boutique %2 de l’utilisateur %3 sur %4, et non à la boutique %5 de l’utilisateur %6 sur %7.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The shop file %1 cannot use write-ahead logging.</source>
        <translation>Le fichier de boutique %1 ne peut pas utiliser la journalisation anticipée (WAL).</translation>
    </message>
</context>
<context>
    <name>SqliteDatabase</name>
    <message>
        <location filename="../core/storage/sqlitedatabase.cpp" line="+55"/>
        <source>Cannot open the shop file %1.</source>
        <translation>Impossible d’ouvrir le fichier de boutique %1.</translation>
    </message>
</context>
<context>
    <name>StoreDemoSink</name>
    <message>
        <location filename="../core/demo/storedemosink.cpp" line="+164"/>
        <source>This demo load has already begun.</source>
        <translation>Ce chargement de démonstration a déjà commencé.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Cannot read the schema statement %1.</source>
        <translation>Impossible de lire l’instruction de schéma %1.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>The demo load has not begun.</source>
        <translation>Le chargement de démonstration n’a pas commencé.</translation>
    </message>
</context>
<context>
    <name>Storekeep</name>
    <message>
        <location filename="../app/main.cpp" line="+72"/>
        <source>Creating the demo shop “Demo Outfitters”…</source>
        <translation>Création de la boutique de démonstration «&#xa0;Demo Outfitters&#xa0;»…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Storekeep</source>
        <translation>Storekeep</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>The demo shop was not generated.</source>
        <translation>La boutique de démonstration n’a pas été générée.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The demo shop was made but could not be moved to %1.</source>
        <translation>La boutique de démonstration a été créée, mais n’a pas pu être déplacée vers %1.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Storekeep: the back office for your shop.</source>
        <translation>Storekeep&#xa0;: le back-office de votre boutique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep shop files and settings in &lt;dir&gt;.</source>
        <translation>Conserver les fichiers de boutique et les réglages dans &lt;dossier&gt;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dir</source>
        <translation>dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a PNG of the main window to &lt;file&gt; after it first paints, then quit.</source>
        <translation>Enregistrer une image PNG de la fenêtre principale dans &lt;fichier&gt; après son premier affichage, puis quitter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create the profile folder %1.</source>
        <translation>Impossible de créer le dossier de profil %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not create the demo shop: %1</source>
        <translation>Impossible de créer la boutique de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not open the shop file: %1</source>
        <translation>Impossible d’ouvrir le fichier de boutique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not save the screenshot to %1.</source>
        <translation>Impossible d’enregistrer la capture d’écran dans %1.</translation>
    </message>
</context>
<context>
    <name>StorekeepCli</name>
    <message>
        <location filename="../app/cli/main.cpp" line="+61"/>
        <source>Usage:
  storekeep-cli version
  storekeep-cli demo generate --scale small|medium|large --out FILE [--seed N] [--end-date YYYY-MM-DD]
  storekeep-cli info FILE [--json]
  storekeep-cli search FILE TEXT [--limit N] [--json]
  storekeep-cli help

Exit codes: 0 success, 1 error, 2 wrong usage.</source>
        <translation>Utilisation&#xa0;:
  storekeep-cli version
  storekeep-cli demo generate --scale small|medium|large --out FICHIER [--seed N] [--end-date AAAA-MM-JJ]
  storekeep-cli info FICHIER [--json]
  storekeep-cli search FICHIER TEXTE [--limit N] [--json]
  storekeep-cli help

Codes de sortie&#xa0;: 0 succès, 1 erreur, 2 utilisation incorrecte.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 needs a value.</source>
        <translation>%1 attend une valeur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown option %1.</source>
        <translation>Option inconnue&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Shop file schema %1</source>
        <translation>Schéma des fichiers de boutique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown demo command; use: demo generate.</source>
        <translation>Commande demo inconnue&#xa0;; utilisez&#xa0;: demo generate.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected argument %1.</source>
        <translation>Argument inattendu&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown scale &quot;%1&quot;; use small, medium or large.</source>
        <translation>Taille «&#xa0;%1&#xa0;» inconnue&#xa0;; utilisez small, medium ou large.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say where to write the demo shop with --out FILE.</source>
        <translation>Indiquez où écrire la boutique de démonstration avec --out FICHIER.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--end-date needs a date as YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation>--end-date attend une date au format AAAA-MM-JJ, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 already exists; choose another --out file or delete it first.</source>
        <translation>%1 existe déjà&#xa0;; choisissez un autre fichier --out ou supprimez-le d’abord.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>generating… %1%</source>
        <translation>génération… %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Generating the demo shop failed: %1</source>
        <translation>La génération de la boutique de démonstration a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo shop written to %1</source>
        <translation>Boutique de démonstration écrite dans %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>products</source>
        <translation>produits</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>variants</source>
        <translation>variantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locations</source>
        <translation>emplacements</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>customers</source>
        <translation>clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders</source>
        <translation>commandes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>order lines</source>
        <translation>lignes de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ledger entries</source>
        <translation>mouvements de stock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  took %1 ms</source>
        <translation>  durée&#xa0;: %1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No shop file at %1.</source>
        <translation>Aucun fichier de boutique à l’emplacement %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>info needs exactly one shop file.</source>
        <translation>info attend exactement un fichier de boutique.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>File:    %1</source>
        <translation>Fichier&#xa0;:  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema:  %1 (this build reads up to %2)</source>
        <translation>Schéma&#xa0;:   %1 (cette version lit jusqu’au schéma %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store:   shop %1, user %2, server %3</source>
        <translation>Cache&#xa0;:    boutique %1, utilisateur %2, serveur %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shop:    %1 (%2, %3, %4)</source>
        <translation>Boutique&#xa0;: %1 (%2, %3, %4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows per table:</source>
        <translation>Lignes par table&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>search needs a shop file and the text to look for.</source>
        <translation>search attend un fichier de boutique et le texte à rechercher.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--limit needs a positive whole number.</source>
        <translation>--limit attend un nombre entier positif.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No variant matches &quot;%1&quot;.</source>
        <translation>Aucune variante ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Say what to do.</source>
        <translation>Indiquez quoi faire.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>sk::Currency</name>
    <message>
        <location filename="../core/money/currency.cpp" line="+96"/>
        <source>“%1” is not a currency code: use three upper-case letters such as USD.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un code de devise&#xa0;: utilisez trois lettres majuscules, comme USD.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not an active ISO 4217 currency code.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un code de devise ISO 4217 en vigueur.</translation>
    </message>
</context>
<context>
    <name>sk::Gtin</name>
    <message>
        <location filename="../core/domain/gtin.cpp" line="+48"/>
        <source>“%1” is not a GTIN: a GTIN has only digits.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un GTIN&#xa0;: un GTIN ne contient que des chiffres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” has %2 digits; a GTIN has 8, 12, 13 or 14.</source>
        <translation>«&#xa0;%1&#xa0;» a %2 chiffres&#xa0;; un GTIN en a 8, 12, 13 ou 14.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” has check digit %2, but it should be %3.</source>
        <translation>«&#xa0;%1&#xa0;» a la clé de contrôle %2, mais elle devrait être %3.</translation>
    </message>
</context>
<context>
    <name>sk::InventoryRules</name>
    <message>
        <location filename="../core/domain/inventoryrules.cpp" line="+18"/>
        <source>The quantity must be more than zero, not %1.</source>
        <translation>La quantité doit être supérieure à zéro, et non %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The stock quantity is too large to store.</source>
        <translation>La quantité en stock est trop grande pour être enregistrée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot sell %1: only %2 available.</source>
        <translation>Impossible de vendre %1&#xa0;: seulement %2 disponible(s).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A stock adjustment (%1) must change the quantity.</source>
        <translation>Un ajustement de stock (%1) doit modifier la quantité.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock marked “%1” must add units, not %2.</source>
        <translation>Un mouvement de stock «&#xa0;%1&#xa0;» doit ajouter des unités, et non %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock marked “%1” must remove units, not add %2.</source>
        <translation>Un mouvement de stock «&#xa0;%1&#xa0;» doit retirer des unités, et non en ajouter %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A counted quantity cannot be negative (%1).</source>
        <translation>Une quantité comptée ne peut pas être négative (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock changed while you were counting: on hand is now %1, not %2. Count again or confirm against the new quantity.</source>
        <translation>Le stock a changé pendant votre comptage&#xa0;: il y a maintenant %1 en stock, et non %2. Recomptez ou confirmez par rapport à la nouvelle quantité.</translation>
    </message>
</context>
<context>
    <name>sk::JsonReader</name>
    <message>
        <location filename="../core/domain/jsonreader.cpp" line="+110"/>
        <source>“%1” is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est manquant.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the number %1</source>
        <translation>le nombre %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the string %1</source>
        <translation>la chaîne %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“%1” must be a string, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être une chaîne, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” must not be empty.</source>
        <translation>«&#xa0;%1&#xa0;» ne doit pas être vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” must be a single line without control characters, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit tenir sur une seule ligne sans caractères de contrôle, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” must be at most %2 characters long, but %3 has %4.</source>
        <translation>«&#xa0;%1&#xa0;» doit compter au plus %2 caractères, mais %3 en a %4.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>“%1” must not contain control characters other than line breaks and tabs, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» ne doit contenir aucun caractère de contrôle hormis les sauts de ligne et les tabulations, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” must be at most %2 characters long, but has %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit compter au plus %2 caractères, mais en a %3.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+23"/>
        <source>“%1” must be an id in lower-case UUID form (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un identifiant au format UUID en minuscules (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), mais vaut %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” may only contain lower-case letters a-z, digits and hyphens, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut contenir que des lettres minuscules a-z, des chiffres et des tirets, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“%1” is not a valid GTIN: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un GTIN valide&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” must be an e-mail address such as name@example.com, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être une adresse e-mail comme nom@exemple.com, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“%1” must be a two-letter upper-case ISO 3166-1 country code such as FR, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un code pays ISO 3166-1 de deux lettres majuscules comme FR, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” must be an ISO 4217 currency code such as EUR, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un code de devise ISO 4217 comme EUR, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+3"/>
        <source>“%1” must be a whole number, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un nombre entier, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is %2, beyond ±%3, the largest whole number JSON carries exactly.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, au-delà de ±%3, le plus grand nombre entier que JSON représente exactement.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” must be at least %2, but is %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir au moins %2, mais vaut %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” must be at most %2, but is %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir au plus %2, mais vaut %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <source>“%1” must be between %2 and %3, but is %4.</source>
        <translation>«&#xa0;%1&#xa0;» doit être compris entre %2 et %3, mais vaut %4.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>“%1” must be a number, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un nombre, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” must be true or false, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir true ou false, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>“%1” must be one of %2, but is %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir l’une des valeurs %2, mais vaut %3.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <source>“%1” must be an object, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un objet, mais vaut %2.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>“%1” must be an array, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un tableau, mais vaut %2.</translation>
    </message>
</context>
<context>
    <name>sk::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+75"/>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders are coming soon. This page will list every order with its payment and fulfillment status, and let you fulfill, refund or cancel an order, even offline.</source>
        <translation>Les commandes arrivent bientôt. Cette page listera chaque commande avec l’état de son paiement et de son expédition, et vous permettra d’expédier, de rembourser ou d’annuler une commande, même hors ligne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+62"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory is coming soon. This page will show stock per location, low-stock alerts, and the history of every adjustment with its reason.</source>
        <translation>Le stock arrive bientôt. Cette page affichera le stock par emplacement, les alertes de stock bas et l’historique de chaque ajustement avec son motif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers are coming soon. This page will list your customers with their orders, lifetime spend and marketing consent.</source>
        <translation>Les clients arrivent bientôt. Cette page listera vos clients avec leurs commandes, leurs dépenses cumulées et leur consentement marketing.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Sync issues</source>
        <translation>Problèmes de synchro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync issues are coming soon. Once Storekeep syncs with your shop, edits the server rejected or that conflict with someone else&apos;s will be listed here, each with a way to resolve it.</source>
        <translation>Les problèmes de synchronisation arrivent bientôt. Quand Storekeep se synchronisera avec votre boutique, les modifications refusées par le serveur ou en conflit avec celles de quelqu’un d’autre seront listées ici, chacune avec un moyen de la résoudre.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not open the product list: %1</source>
        <translation>Impossible d’ouvrir la liste des produits&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Storekeep</source>
        <translation>Storekeep</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — Storekeep</source>
        <translation>%1 — Storekeep</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any vendor</source>
        <translation>Tous les fournisseurs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any tag</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vendor:</source>
        <translation>Fo&amp;urnisseur&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ag:</source>
        <translation>É&amp;tiquette&#xa0;:</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload Products</source>
        <translation>&amp;Recharger les produits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;Sidebar</source>
        <translation>Afficher la barre &amp;latérale</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Storekeep</source>
        <translation>À &amp;propos de Storekeep</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln produit</numerusform>
            <numerusform>%Ln produits</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>development build</source>
        <translation>version de développement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h3&gt;Storekeep %1&lt;/h3&gt;&lt;p&gt;A fast back office for your shop: orders, products, inventory and customers, on your desktop, online or offline.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;SQLite %3&lt;br&gt;%4&lt;/p&gt;&lt;p&gt;Shop file: %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Storekeep %1&lt;/h3&gt;&lt;p&gt;Un back-office rapide pour votre boutique&#xa0;: commandes, produits, stock et clients, sur votre ordinateur, en ligne ou hors ligne.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;SQLite %3&lt;br&gt;%4&lt;/p&gt;&lt;p&gt;Fichier de boutique&#xa0;: %5&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Storekeep</source>
        <translation>À propos de Storekeep</translation>
    </message>
</context>
<context>
    <name>sk::Money</name>
    <message>
        <location filename="../core/money/money.cpp" line="+29"/>
        <source>The amount %1 is too large to store.</source>
        <translation>Le montant %1 est trop grand pour être enregistré.</translation>
    </message>
    <message>
        <location line="+294"/>
        <source>Cannot %1 an amount without a currency.</source>
        <translation>Impossible d’effectuer l’opération «&#xa0;%1&#xa0;» sur un montant sans devise.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot %1 %2 %3 and %4 %5: the currencies differ.</source>
        <translation>Impossible d’effectuer l’opération «&#xa0;%1&#xa0;» sur %2 %3 et %4 %5&#xa0;: les devises diffèrent.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Cannot split an amount by a negative share (%1).</source>
        <translation>Impossible de répartir un montant selon une part négative (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot split an amount when no share is larger than zero.</source>
        <translation>Impossible de répartir un montant si aucune part n’est supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Cannot read “%1” without a currency.</source>
        <translation>Impossible de lire «&#xa0;%1&#xa0;» sans devise.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not an amount of %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un montant en %2.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>“%1” has more decimals than %2 allows (%3).</source>
        <translation>«&#xa0;%1&#xa0;» a plus de décimales que %2 n’en permet (%3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is too large an amount to store.</source>
        <translation>«&#xa0;%1&#xa0;» est un montant trop grand pour être enregistré.</translation>
    </message>
</context>
<context>
    <name>sk::OrderStateMachine</name>
    <message>
        <location filename="../core/domain/orderstatemachine.cpp" line="+59"/>
        <source>Order #%1 cannot go from %2 to %3: %4</source>
        <translation>La commande n°&#xa0;%1 ne peut pas passer de «&#xa0;%2&#xa0;» à «&#xa0;%3&#xa0;»&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order #%1 has no line “%2”.</source>
        <translation>La commande n°&#xa0;%1 n’a pas de ligne «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>it already has that status.</source>
        <translation>elle a déjà ce statut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a %1 order is closed.</source>
        <translation>une commande «&#xa0;%1&#xa0;» est close.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>that step is not part of an order&apos;s life.</source>
        <translation>cette étape ne fait pas partie de la vie d’une commande.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fulfil every item first.</source>
        <translation>expédiez d’abord tous les articles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>items have already been fulfilled; refund them instead.</source>
        <translation>des articles ont déjà été expédiés&#xa0;; remboursez-les plutôt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the payment is %1, not paid or authorized.</source>
        <translation>le paiement est «&#xa0;%1&#xa0;», ni payé ni autorisé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the payment is %1; refund the full amount first.</source>
        <translation>le paiement est «&#xa0;%1&#xa0;»&#xa0;; remboursez d’abord la totalité du montant.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Order #%1 is %2: only processing orders can be fulfilled.</source>
        <translation>La commande n°&#xa0;%1 est «&#xa0;%2&#xa0;»&#xa0;: seules les commandes en cours de traitement peuvent être expédiées.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose at least one item of order #%1 to fulfil.</source>
        <translation>Choisissez au moins un article de la commande n°&#xa0;%1 à expédier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot fulfil %1 of %2: the quantity must be more than zero.</source>
        <translation>Impossible d’expédier %1 de %2&#xa0;: la quantité doit être supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot fulfil %1 of %2: %3 ordered, %4 already fulfilled, %5 left.</source>
        <translation>Impossible d’expédier %1 de %2&#xa0;: %3 commandé(s), %4 déjà expédié(s), %5 restant(s).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Order #%1 cannot be refunded: its payment is %2, not paid.</source>
        <translation>La commande n°&#xa0;%1 ne peut pas être remboursée&#xa0;: son paiement est «&#xa0;%2&#xa0;», et non payé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A refund must be more than zero, not %1.</source>
        <translation>Un remboursement doit être supérieur à zéro, et non %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot refund %1 on order #%2: %3 paid, %4 already refunded, at most %5 left.</source>
        <translation>Impossible de rembourser %1 sur la commande n°&#xa0;%2&#xa0;: %3 payé, %4 déjà remboursé, %5 au plus restant.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot refund %1 (%2) of %3: quantities and amounts cannot be negative.</source>
        <translation>Impossible de rembourser %1 (%2) de %3&#xa0;: les quantités et les montants ne peuvent pas être négatifs.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The refunded items add up to %1, more than the refund of %2.</source>
        <translation>Les articles remboursés totalisent %1, soit plus que le remboursement de %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot refund %1 of %2: %3 ordered, %4 already refunded.</source>
        <translation>Impossible de rembourser %1 de %2&#xa0;: %3 commandé(s), %4 déjà remboursé(s).</translation>
    </message>
</context>
<context>
    <name>sk::ProductListModel</name>
    <message>
        <location filename="../ui/products/productlistmodel.cpp" line="+90"/>
        <source>The product list has no shop file open.</source>
        <translation>La liste des produits n’a aucun fichier de boutique ouvert.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sorting by this column is not available yet.</source>
        <translation>Le tri selon cette colonne n’est pas encore disponible.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 (category: %2)</source>
        <translation>%1 (catégorie&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not read the product list: %1</source>
        <translation>Impossible de lire la liste des produits&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sk::RecordJson</name>
    <message>
        <location filename="../core/domain/recordjson.cpp" line="+73"/>
        <source>“%1” is %2, but the record sits inside %3.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, mais l’enregistrement se trouve dans %3.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>“%1” may only contain letters, digits and %2, but is “%3”.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut contenir que des lettres, des chiffres et %2, mais vaut «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>“%1” names order line %2 a second time.</source>
        <translation>«&#xa0;%1&#xa0;» cite une deuxième fois la ligne de commande %2.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>“%1” is %2, which is not a line of this order.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, qui n’est pas une ligne de cette commande.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The JSON text is malformed at byte %1: %2.</source>
        <translation>Le texte JSON est mal formé à l’octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The JSON text must be an object, but is %1.</source>
        <translation>Le texte JSON doit être un objet, mais vaut %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a single value</source>
        <translation>une valeur seule</translation>
    </message>
    <message>
        <location line="+347"/>
        <source>“%1” must be one of g, kg, lb, oz, but is “%2”.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir g, kg, lb ou oz, mais vaut «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>“%1” repeats address %2.</source>
        <translation>«&#xa0;%1&#xa0;» répète l’adresse %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“%1” is %2, more than the order&apos;s total of %3.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, plus que le total de la commande, %3.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>“%1” repeats order line %2.</source>
        <translation>«&#xa0;%1&#xa0;» répète la ligne de commande %2.</translation>
    </message>
</context>
</TS>
