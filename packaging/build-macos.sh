#!/usr/bin/env bash
# Build, sign, notarise and package the macOS app (run on macOS 14+ with Xcode tools).
# Needs: a Developer ID Application certificate (CODESIGN_ID) and a notarytool keychain
# profile (NOTARY_PROFILE). Without them it still builds an unsigned .app and .dmg for testing.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-build
.venv-build/bin/pip install -r requirements.txt pyinstaller==6.22.3
.venv-build/bin/pip install --no-deps .
.venv-build/bin/pyinstaller --noconfirm packaging/msp_desktop.spec
APP="dist/MSP Desktop.app"
if [ -n "${CODESIGN_ID:-}" ]; then
    codesign --deep --force --options runtime --timestamp --sign "$CODESIGN_ID" "$APP"
fi
hdiutil create -volname "MSP Desktop" -srcfolder "$APP" -ov -format UDZO dist/MSP-Desktop.dmg
if [ -n "${CODESIGN_ID:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit dist/MSP-Desktop.dmg --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple dist/MSP-Desktop.dmg
fi
echo "Built dist/MSP-Desktop.dmg"
