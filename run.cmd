@echo off
rem Builds FilingTui if needed and runs it on data\filings.db; the first run imports data\samples.
setlocal
set "HERE=%~dp0"
set "OUT=%HERE%.build\app"
if "%FILINGTUI_DB%"=="" set "FILINGTUI_DB=%HERE%data\filings.db"
set DOTNET_NOLOGO=1
if not exist "%OUT%\filingtui.dll" (
  echo Building FilingTui... 1>&2
  dotnet publish "%HERE%src\FilingTui.App\FilingTui.App.csproj" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "%OUT%" -v quiet -nologo 1>&2 || dotnet build "%HERE%src\FilingTui.App\FilingTui.App.csproj" -c Release -o "%OUT%" -v quiet -nologo 1>&2 || exit /b 1
)
rem A marker beside the store says the samples' import has not finished; a first run stopped part way resumes it.
set "PENDING=%FILINGTUI_DB%.importing-samples"
if "%~1"=="" if not exist "%FILINGTUI_DB%" type nul > "%PENDING%"
if "%~1"=="" if exist "%PENDING%" (
  echo First run: importing data\samples into %FILINGTUI_DB% 1>&2
  dotnet "%OUT%\filingtui.dll" import "%HERE%data\samples" 1>&2 && del "%PENDING%"
)
dotnet "%OUT%\filingtui.dll" %*
