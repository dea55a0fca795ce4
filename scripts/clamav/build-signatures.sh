#!/usr/bin/env bash
# Rebuilds the project's own ClamAV signature database in config/clamav/db/ (docs/clamav.md).
# The output is committed, so a fresh machine needs nothing but Debian's clamav-daemon; run
# this again only when clamav-testfiles changes (a new Debian release) or the list below does.
#
#   mailstead-eicar.ndb      body signature for the EICAR test string, wherever it appears
#   mailstead-testfiles.hdb  MD5 hash signatures (<md5>:<size>:<name>) of the test "virus"
#                            clam.exe and of the packings clamd cannot unpack down to it
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

testfiles=/usr/share/clamav-testfiles
out=config/clamav/db
[ -d "$testfiles" ] || { echo "missing $testfiles — run: sudo apt-get install -y clamav-testfiles" >&2; exit 1; }
mkdir -p "$out"

# The EICAR test string (https://www.eicar.org/download-anti-malware-testfile/) in hex; target
# 0 = any file type, offset * = anywhere, so it is found inside MIME parts and archives too.
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf 'Mailstead.Test.EICAR:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -v -tx1 | tr -d ' \n')" > "$out/mailstead-eicar.ndb"

# clam.exe is the payload every other test file packs. clamd unpacks the containers itself
# (zip, 7z, arj, cab, cpio, tar.gz, bz2, mbox, base64, uuencode, binhex, rtf, pdf, OLE2, CHM,
# TNEF, SIS, NSIS and InstallShield installers, AutoIt, and the PE packers UPX, ASPack, FSG,
# MEW, PESpin, Petite, Upack, WWPack, yC) and clam.exe's hash then matches inside each of
# them: 43 of the 44 test files, as a file and as a MIME attachment, with this hash alone.
# OWN_HASH lists the files clamd cannot unpack down to clam.exe, each given its own hash:
#   clam_cache_emax.tgz  clam.exe nested in 9 levels of tar.gz, beyond MaxRecursion 16
#                        (found with MaxRecursion 40; the limit stays, it guards against
#                        archive bombs)
# Found by scanning every test file with only clam.exe's hash loaded (Nov 2026, ClamAV 1.4.6);
# server/mail/filter/clamav/clamd-client.int.test.ts checks that all of them are detected.
OWN_HASH=(
  clam_cache_emax.tgz
)

hash_line() { # file, signature name
  printf '%s:%s:%s\n' "$(md5sum < "$1" | cut -d' ' -f1)" "$(stat -c %s "$1")" "$2"
}
{
  hash_line "$testfiles/clam.exe" "Mailstead.Test.ClamAVTestFile"
  for name in "${OWN_HASH[@]}"; do
    # Signature names allow letters, digits, dots, dashes and underscores.
    hash_line "$testfiles/$name" "Mailstead.Test.ClamAVTestFile.$(printf '%s' "$name" | tr -c 'A-Za-z0-9_-' '_')"
  done
} > "$out/mailstead-testfiles.hdb"

echo "wrote $out/mailstead-eicar.ndb (1 signature) and $out/mailstead-testfiles.hdb ($((${#OWN_HASH[@]} + 1)) signatures)"
