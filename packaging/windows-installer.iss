; Inno Setup script: per-machine install of the PyInstaller one-folder build.
; Build: pyinstaller packaging\msp_desktop.spec, then iscc packaging\windows-installer.iss
; Sign dist\MSP Desktop\MSP Desktop.exe and the resulting setup with signtool before release.
#define AppName "MSP Desktop"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1C2B7E-4E1A-4C55-9A0B-3D2E5B7C9A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=MSP Desktop team
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputBaseFilename=MSP-Desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
; Vaults live in the user's AppData and are never touched by install or uninstall.
UninstallDisplayIcon={app}\MSP Desktop.exe

[Files]
Source: "..\dist\MSP Desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\MSP Desktop.exe"
